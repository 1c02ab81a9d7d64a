/**
 * The two jobs a worker does: take in a package (open, verify, unpack, check), and build the
 * package of an applicant who handed in a plain submission folder and is recommended — the
 * same build `shenbao build` makes, so the League gets the same disc tree from everyone.
 */
import path from 'node:path';
import { AttachmentFailure } from '../assemble/volume.js';
import { makePackage } from '../build/package.js';
import { silent } from '../build/progress.js';
import { writeBundle } from '../build/write.js';
import type { Bundle } from '../build/bundle.js';
import { error, type Diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { prepare } from '../cli/prepare.js';
import { intake, volumesOf, type Intake, type IntakeTask } from './intake.js';

export interface BuildTask {
  index: number;
  /** The submission folder. */
  dir: string;
  work: string;
  lang: Lang;
  scheme?: string;
  config?: string;
  now: number;
}

export interface Built {
  bagRoot?: string;
  volumes: string[];
  problems: Diagnostic[];
}

export type Job = { type: 'intake'; task: IntakeTask } | { type: 'build'; task: BuildTask };
export type JobResult = Intake | Built;

async function build(task: BuildTask): Promise<Built> {
  const clock = { now: new Date(task.now), fixed: true };
  const { loaded, scheme, fonts, report } = await prepare({ dir: task.dir, lang: task.lang, scheme: task.scheme, config: task.config }, clock);
  if (!loaded || !scheme || !fonts || !report) return { volumes: [], problems: [] };
  try {
    const pkg = await makePackage({ loaded, scheme, fonts, report, date: clock.now, progress: silent, lang: task.lang });
    // Only the disc tree is needed: it holds the documents, the volumes and the sources.
    const disc: Bundle = new Map([...pkg.bundle].filter(([k]) => k.startsWith('disc/')));
    const target = await writeBundle(task.work, `${String(task.index + 1).padStart(2, '0')}-built`, disc);
    const bagRoot = path.join(target, 'disc');
    return { bagRoot, volumes: volumesOf(bagRoot), problems: pkg.diagnostics.filter((d) => d.severity === 'error') };
  } catch (e) {
    if (e instanceof AttachmentFailure) return { volumes: [], problems: [error('attachment.unusable', { path: e.path, reason: e.reason }, { file: e.path })] };
    throw e;
  }
}

export function runJob(job: Job): Promise<JobResult> {
  return job.type === 'intake' ? intake(job.task) : build(job.task);
}
