/**
 * The project's shared material (the seed plan, the domain primer, the sample
 * reports with their ground truth) sits beside the repository, in ../shared.
 * TDKT_SHARED points elsewhere. Tests that need it skip when it is absent: the
 * project itself never needs it.
 */
import * as path from 'path';

export const SHARED_DIR = process.env.TDKT_SHARED ?? path.resolve(__dirname, '..', '..', '..', 'shared');

/** The sample unit reports, truth.json and units.csv. */
export const SAMPLE_REPORTS = path.join(SHARED_DIR, 'samples', 'reports');
