/** The console's one user, who moderates the local space so every command can be tried. */
import type { Asker, Where } from '../../src/core/request.ts';

export const LOCAL_USER: Asker = { id: 'local', name: process.env.USER ?? 'you', isAdmin: true, groups: [] };
export const LOCAL_WHERE: Where = { platform: 'console', space: 'local', channel: 'console' };
