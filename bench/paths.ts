import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.ts';

export const CORPUS_DIR = join(PROJECT_ROOT, 'corpus');
