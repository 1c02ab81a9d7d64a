/**
 * The recognition a filing rests on (办法第五条: a level's brands normally come from the level
 * below; 第十一条: a review is of a recognised League brand, whose 认定文件 are checked on
 * site, 第十二条（三）). Missing, it is a warning, not an error: the seed lets a very good brand
 * be recognised at a higher level directly, by the review panel's unanimous decision.
 */
import { warning } from '../core/diagnostic.js';
import { at, type CheckContext } from './context.js';
import { fileDiagnostics } from './materials.js';

export function checkRecognition(ctx: CheckContext): void {
  const { scheme, submission: s } = ctx;
  const rule = s.kind === 'review' ? scheme.priorRecognition.review : scheme.priorRecognition.application[s.level];
  if (!rule) return;
  const held = scheme.levels[rule.level];
  if (!s.recognition?.number) {
    ctx.diagnostics.push(warning('recognition.missing', { held: { zh: held.name, en: held.en }, review: s.kind === 'review', ref: rule.ref }, at(ctx, 'recognition')));
    return;
  }
  if (ctx.loaded.recognition) ctx.diagnostics.push(...fileDiagnostics(ctx.loaded.recognition, ['pdf', 'jpeg', 'png']));
}
