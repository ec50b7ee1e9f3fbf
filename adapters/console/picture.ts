/** The console shows a reply's picture as a file: saved under the data folder, named by its content. */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.ts';
import type { ReplyImage } from '../../src/core/reply.ts';

export const DEFAULT_PICTURE_DIR = join(PROJECT_ROOT, 'data', 'pictures');

/** Renders and saves the picture; the same picture is the same file. Returns its path. */
export async function savePicture(image: ReplyImage, dir = DEFAULT_PICTURE_DIR): Promise<string> {
  const png = await image.png();
  const stem = image.name.replace(/\.png$/i, '').replace(/[^\w-]+/g, '-');
  const file = join(dir, `${stem}-${createHash('sha256').update(png).digest('hex').slice(0, 12)}.png`);
  await mkdir(dir, { recursive: true });
  await writeFile(file, png);
  return file;
}
