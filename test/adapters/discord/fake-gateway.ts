/**
 * A stand-in for Discord's gateway on 127.0.0.1, speaking the documented JSON protocol:
 * HELLO, then READY and GUILD_CREATE after IDENTIFY, then whatever dispatches a test sends.
 * Each connection is one shard; a guild goes to shard (guild_id >> 22) % shard_count.
 */
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeGateway {
  url: string;
  /** The `d` of every IDENTIFY received, in order. */
  identifies: Record<string, unknown>[];
  /** The first IDENTIFY. */
  identified: Promise<Record<string, unknown>>;
  /** Resolves with the close code of the first connection to close. */
  closed: Promise<number>;
  /** Connections still open. */
  openCount(): number;
  /** Sends a dispatch event to the connection identified as `shardId`. */
  dispatch(event: string, data: unknown, shardId?: number): void;
  close(): Promise<void>;
}

export interface FakeGatewayOptions {
  applicationId: string;
  guildId: string;
  /** The GUILD_CREATE data sent after READY. */
  guild: unknown;
}

interface Connection {
  socket: WebSocket;
  sequence: number;
  shard: [number, number] | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export async function startFakeGateway(options: FakeGatewayOptions): Promise<FakeGateway> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake gateway: no TCP address');
  const url = `ws://127.0.0.1:${address.port}`;

  const connections = new Set<Connection>();
  const identifies: Record<string, unknown>[] = [];
  let identify: (d: Record<string, unknown>) => void = () => {};
  let close: (code: number) => void = () => {};
  const identified = new Promise<Record<string, unknown>>((resolve) => (identify = resolve));
  const closed = new Promise<number>((resolve) => (close = resolve));

  const send = (c: Connection, payload: object) => c.socket.send(JSON.stringify(payload));
  const dispatchTo = (c: Connection, t: string, d: unknown) => send(c, { op: 0, t, s: ++c.sequence, d });

  server.on('connection', (socket) => {
    const c: Connection = { socket, sequence: 0, shard: null };
    connections.add(c);
    socket.on('close', (code) => {
      connections.delete(c);
      close(code);
    });
    send(c, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    socket.on('message', (raw) => {
      const packet: unknown = JSON.parse(raw.toString());
      if (!isRecord(packet)) return;
      if (packet['op'] === 1) send(c, { op: 11, d: null, s: null, t: null });
      const d = packet['d'];
      if (packet['op'] !== 2 || !isRecord(d)) return;
      identifies.push({ ...d });
      identify({ ...d });
      const shard = Array.isArray(d['shard']) ? d['shard'] : [0, 1];
      const [id, count] = [Number(shard[0]), Number(shard[1])];
      c.shard = [id, count];
      const hasGuild = Number((BigInt(options.guildId) >> 22n) % BigInt(count)) === id;
      dispatchTo(c, 'READY', {
        v: 10,
        user: { id: options.applicationId, username: 'Sourcebook', discriminator: '4821', global_name: null, avatar: null, bot: true, flags: 0 },
        guilds: hasGuild ? [{ id: options.guildId, unavailable: true }] : [],
        session_id: `session-${id}`,
        resume_gateway_url: url,
        shard: [id, count],
        application: { id: options.applicationId, flags: 0 },
      });
      if (hasGuild) dispatchTo(c, 'GUILD_CREATE', options.guild);
    });
  });

  return {
    url,
    identifies,
    identified,
    closed,
    openCount: () => connections.size,
    dispatch(event, data, shardId = 0) {
      const c = [...connections].find((conn) => conn.shard?.[0] === shardId);
      if (!c) throw new Error(`fake gateway: no connection for shard ${shardId}`);
      dispatchTo(c, event, data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
