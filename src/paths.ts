/** Where the bundled corpus and the generated database live, relative to the project, not the working directory. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CORPUS_DIR = join(PROJECT_ROOT, 'corpus');
export const DEFAULT_DB_FILE = join(PROJECT_ROOT, 'data', 'sourcebook.db');
