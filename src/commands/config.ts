/**
 * `/sourcebook config [modrole ROLE | modrole remove ROLE]`: a server admin names the roles (Discord)
 * or user groups (Slack) whose members moderate this group. Admins only, not the mod role itself.
 */
import { defineCommand, type CommandContext } from '../core/command.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { commit } from '../moderation/audit.ts';
import { fail, modLine, splitVerb } from '../moderation/input.ts';
import { typedBySubcommand } from '../core/typed-args.ts';
import { isSpaceAdmin } from '../moderation/permissions.ts';
import { changed, unchanged } from '../moderation/replies.ts';
import { roleIdProblem, unwrapRole } from '../moderation/role-id.ts';
import { getRole, MAX_MOD_ROLES, modRoles } from '../moderation/roles-store.ts';
import { actorOf, dayLabel } from '../moderation/actor.ts';

const USAGE = '/sourcebook config · /sourcebook config modrole ROLE · /sourcebook config modrole remove ROLE';

type ConfigArgs = { verb: 'show' } | { verb: 'add' | 'remove'; role: string };

/** The same arguments from Discord's subcommands: a role picker, so the id is always one role's. */
const ConfigTyped = typedBySubcommand<ConfigArgs>({
  'config show': () => ({ verb: 'show' }),
  'config modrole': (v, ctx) => {
    const role = unwrapRole(v.text('role', 100));
    if (!role || role.length > 64 || /\s/.test(role)) return fail(ctx, `Which role? ${USAGE}`);
    return { verb: v.text('action', 10) === 'remove' ? 'remove' : 'add', role };
  },
});

const ConfigSchema = modLine(200, `What to configure? ${USAGE}`).transform((s, ctx): ConfigArgs => {
  const [section, rest] = splitVerb(s);
  if (section !== 'config') return fail(ctx, `Sourcebook’s settings are under config: ${USAGE}`);
  if (!rest || rest.toLowerCase() === 'show') return { verb: 'show' };
  const [setting, value] = splitVerb(rest);
  if (setting !== 'modrole') return fail(ctx, `The setting is modrole: ${USAGE}`);
  const [maybeRemove, removed] = splitVerb(value);
  const remove = maybeRemove === 'remove';
  const role = unwrapRole(remove ? removed : value);
  if (!role) return fail(ctx, `Which role? ${USAGE}`);
  if (role.length > 64 || /\s/.test(role)) return fail(ctx, 'Give one role id (or mention one role).');
  return { verb: remove ? 'remove' : 'add', role };
});

function roleLine(ctx: CommandContext, space: string, role: string): string {
  const st = getRole(ctx.db, space, role);
  return st ? `${role} (added by ${st.by.name} on ${dayLabel(st.at)})` : role;
}

function show(ctx: CommandContext, req: Request): Reply {
  const space = spaceKey(req.where);
  const roles = modRoles(ctx.db, space);
  const who = { slack: 'Workspace admins and owners', discord: 'Members with Manage Server', console: 'The local user' }[req.where.platform];
  return reply({
    kind: 'notice',
    ephemeral: true,
    title: 'Sourcebook settings for this group',
    blocks: [
      { type: 'paragraph', text: `${who} always moderate. Moderator roles named here: ${roles.length ? '' : 'none yet.'}` },
      ...(roles.length ? [{ type: 'list' as const, items: roles.map((r) => roleLine(ctx, space, r)) }] : []),
      { type: 'paragraph', text: USAGE },
    ],
  });
}

export const configCommand = defineCommand({
  spec: {
    name: 'sourcebook',
    description: 'Server settings (admins): which role or user group moderates Sourcebook here.',
    usage: '/sourcebook config [modrole [remove] ROLE]',
    example: '/sourcebook config modrole 123456789012345678',
    options: [],
    subcommands: [
      { name: 'config show', description: 'Who moderates Sourcebook here', options: [] },
      {
        name: 'config modrole',
        description: 'Name a role whose members moderate, or remove one',
        options: [
          { name: 'role', description: 'The role', required: true, autocomplete: false, role: true },
          { name: 'action', description: 'add (default) or remove', required: false, autocomplete: false, choices: ['add', 'remove'] },
        ],
      },
    ],
    moderatorOnly: true,
  },
  schema: ConfigSchema,
  typed: ConfigTyped,
  run(ctx, args, req) {
    // Naming moderators is the admins' call: a moderator role cannot grant itself more members.
    if (!isSpaceAdmin(req)) {
      return reply({
        kind: 'refusal',
        ephemeral: true,
        title: 'Admins only',
        blocks: [{ type: 'paragraph', text: '/sourcebook config is for this group’s admins. Nothing was changed.' }],
      });
    }
    if (args.verb === 'show') return show(ctx, req);
    const problem = roleIdProblem(req.where.platform, args.role);
    if (problem) return errorReply('Not a role id', `${problem} Nothing was changed.`);
    const space = spaceKey(req.where);
    const target = { type: 'modrole' as const, role: args.role };
    const exists = getRole(ctx.db, space, args.role) !== null;
    if (args.verb === 'remove') {
      if (!exists) return unchanged('Not a moderator role', `${args.role} is not a moderator role in this group.`);
      const entry = commit(ctx, req, 'config.modrole.remove', `Removed moderator role ${args.role}`, [{ target, after: null }]);
      return changed(ctx, req, entry, 'Moderator role removed', `Members of ${args.role} no longer moderate Sourcebook here (unless they are admins).`);
    }
    if (exists) return unchanged('Already a moderator role', `${args.role} already moderates Sourcebook here.`);
    if (modRoles(ctx.db, space).length >= MAX_MOD_ROLES)
      return errorReply('Too many roles', `At most ${MAX_MOD_ROLES} moderator roles; remove one first. Nothing was changed.`);
    const entry = commit(ctx, req, 'config.modrole.add', `Named ${args.role} a moderator role`, [
      { target, after: { by: actorOf(req), at: ctx.now().getTime() } },
    ]);
    return changed(ctx, req, entry, 'Moderator role added', `Members of ${args.role} can now use the moderator commands here (/review, /curate, /hide…).`);
  },
});
