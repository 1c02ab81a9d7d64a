/**
 * Partner enterprises (方案三（五）): at least `minPartners` distinct enterprises with a
 * signed employment agreement on file. Lacking them is a ground for removal (第十三条（四）).
 */
import { error, warning } from '../core/diagnostic.js';
import { at, type CheckContext } from './context.js';
import { fileDiagnostics } from './materials.js';

/** Distinct partners whose agreement file is present and readable as PDF or a scan. */
export function partnersWithAgreement(ctx: CheckContext): number {
  const names = new Set<string>();
  ctx.submission.partners.forEach((p, i) => {
    const fact = ctx.loaded.partners[i]?.agreement;
    if (fact && fileDiagnostics(fact, ['pdf', 'jpeg', 'png']).every((d) => d.severity !== 'error')) {
      names.add(p.name.replace(/\s/g, ''));
    }
  });
  return names.size;
}

export function checkPartners(ctx: CheckContext): number {
  const seen = new Set<string>();
  ctx.submission.partners.forEach((p, i) => {
    const key = p.name.replace(/\s/g, '');
    if (seen.has(key)) ctx.diagnostics.push(warning('partners.duplicate', { name: p.name }, at(ctx, 'partners', i, 'name')));
    seen.add(key);
  });
  const count = partnersWithAgreement(ctx);
  const min = ctx.scheme.minPartners;
  if (count < min) ctx.diagnostics.push(error('partners.tooFew', { count, min }, at(ctx, 'partners')));
  return count;
}
