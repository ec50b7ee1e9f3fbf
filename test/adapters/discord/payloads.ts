/**
 * Raw interaction payloads for the real-bot tests, made from the recorded fixtures: who sends
 * them, in which guild, and what they carry.
 */
import { interaction, rawFixture, type Payload } from '../../../loopback/discord/harness.ts';

/** The guild and channel every fixture is recorded in (cached from guild-create.json). */
export const GUILD_A = '1298765432109876543';
export const CHANNEL_A = '1298765432109876600';

export type Person = 'moderator' | 'member';

/** Olga has Manage Server (from command-quote.json); Pavel has not (from button-next-page.json). */
const MEMBER_FIXTURE: Record<Person, string> = { moderator: 'command-quote', member: 'button-next-page' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function memberOf(person: Person): { member: unknown; permissions: unknown } {
  const raw = rawFixture(MEMBER_FIXTURE[person]);
  if (!isRecord(raw) || !isRecord(raw['member'])) throw new Error(`fixture ${MEMBER_FIXTURE[person]} has no member`);
  return { member: raw['member'], permissions: raw['member']['permissions'] };
}

export interface Sender {
  as?: Person;
  /** Another guild (not in the client's cache), as `[guildId, channelId]`. */
  guild?: [string, string];
}

/** `payload` sent by `as`, moved to another guild if asked. */
function from(payload: Payload, { as, guild }: Sender): Payload {
  let out: Payload = payload;
  if (as) {
    const { member, permissions } = memberOf(as);
    const channel = isRecord(out['channel']) ? { ...out['channel'], permissions } : out['channel'];
    out = { ...out, member, channel };
  }
  if (guild) {
    // Every place the ids occur (guild, channel, data, integration owners, message) moves at once.
    const text = JSON.stringify(out).replaceAll(GUILD_A, guild[0]).replaceAll(CHANNEL_A, guild[1]);
    out = { ...out, ...JSON.parse(text) };
  }
  return out;
}

/** Options as Discord sends them: strings as type 3, whole numbers as type 4 (Integer). */
/**
 * A slash command as Discord sends it. `name` may name a subcommand ("quiz start") or a group's
 * subcommand ("quiz schedule add"): its values are nested inside, as Discord nests them.
 */
/** A file attached to an attachment option (type 11): Discord sends its id, and the file itself under `resolved`. */
export interface AttachedFile {
  attachment: { url: string; filename: string; size: number };
}

export function slash(name: string, options: Record<string, string | number | { role: string } | AttachedFile>, sender: Sender = {}): Payload {
  const [command, ...path] = name.split(' ');
  const roles: Record<string, unknown> = {};
  const attachments: Record<string, unknown> = {};
  let nested: unknown[] = Object.entries(options).map(([key, value]) => {
    if (typeof value !== 'object') return { name: key, type: typeof value === 'number' ? 4 : 3, value };
    if ('attachment' in value) {
      const id = `13${String(Object.keys(attachments).length + 1).padStart(17, '0')}`;
      attachments[id] = { id, ...value.attachment, proxy_url: value.attachment.url, content_type: 'application/octet-stream' };
      return { name: key, type: 11, value: id };
    }
    // A role option (type 8) carries the role's id; Discord adds the role itself under `resolved`.
    roles[value.role] = {
      id: value.role,
      name: 'Seminar leads',
      color: 0,
      hoist: false,
      position: 1,
      permissions: '0',
      managed: false,
      mentionable: false,
      flags: 0,
    };
    return { name: key, type: 8, value: value.role };
  });
  // Innermost first: the subcommand (type 1) holds the values, its group (type 2) holds the subcommand.
  path.reverse().forEach((part, i) => {
    nested = [{ name: part, type: i === 0 ? 1 : 2, options: nested }];
  });
  const resolved = {
    ...(Object.keys(roles).length ? { roles } : {}),
    ...(Object.keys(attachments).length ? { attachments } : {}),
  };
  return from(interaction('command-quote', { name: command, options: nested, ...(Object.keys(resolved).length ? { resolved } : {}) }), sender);
}

/** An autocomplete request; `name` may name a subcommand ("quiz schedule add"), nested as for `slash`. */
export function autocomplete(name: string, option: string, partial: string, sender: Sender = {}): Payload {
  const [command, ...path] = name.split(' ');
  let nested: unknown[] = [{ name: option, type: 3, value: partial, focused: true }];
  path.reverse().forEach((part, i) => {
    nested = [{ name: part, type: i === 0 ? 1 : 2, options: nested }];
  });
  return from(interaction('autocomplete-quote', { name: command, options: nested }), sender);
}

/** A click on `customId`, on the message that carried it (its embeds and buttons as sent). */
export function click(customId: string, message: { embeds?: unknown[]; components?: unknown[] }, sender: Sender = {}): Payload {
  const payload = interaction('button-next-page', { custom_id: customId });
  const recorded = isRecord(payload['message']) ? payload['message'] : {};
  return from({ ...payload, message: { ...recorded, embeds: message.embeds ?? [], components: message.components ?? [] } }, sender);
}
