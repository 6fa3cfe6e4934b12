/**
 * The set-up files deployers paste into Slack and Discord must match the
 * routes and commands the Worker serves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(__dirname, '../..');
const read = (p: string) => readFileSync(resolve(root, p), 'utf8');

describe('channel set-up files', () => {
  it('the Slack manifest points at the contract routes with the events and scopes the adapter needs', () => {
    const m = parse(read('docs/slack-manifest.yaml'));
    expect(m.settings.event_subscriptions.request_url).toMatch(/^https:\/\/YOUR-WORKER\/webhooks\/slack\/events$/);
    expect(m.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(m.features.slash_commands[0].url).toMatch(/\/webhooks\/slack\/commands$/);
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'chat:write', 'commands', 'im:history']));
  });

  it('the Discord commands are the ones the adapter understands', () => {
    const cmds = JSON.parse(read('docs/discord-commands.json')) as { name: string; options?: { name: string; type: number }[] }[];
    expect(cmds.map((c) => c.name).sort()).toEqual(['ask', 'help', 'latest']);
    expect(cmds.find((c) => c.name === 'ask')!.options).toEqual([expect.objectContaining({ name: 'question', type: 3 })]);
  });

  it('.dev.vars.example declares every secret the code reads, with an empty value (wrangler types builds Env from it)', () => {
    const example = read('.dev.vars.example');
    const adapters = readdirSync(resolve(root, 'src/adapters'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(`src/adapters/${f}`))
      .join('\n');
    const names = new Set([...adapters.matchAll(/\benv\.((?:TELEGRAM|SLACK|WHATSAPP|DISCORD|TWILIO|LINE|PUBLIC|BRIEFBOT)_[A-Z_]+)/g)].map((m) => m[1]!));
    expect(names.size).toBeGreaterThanOrEqual(15);
    for (const n of names) expect(example).toMatch(new RegExp(`^${n}=$`, 'm'));
  });
});
