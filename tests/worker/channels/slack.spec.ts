import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSlackEvent, verifySlackSignature } from '../../../src/adapters/slack/index.js';
import { SLACK_DOC, SLACK_EVENT } from '../../fixtures/channels/vectors.js';
import { call, hmac, json, mockPlatformApi, nowSeconds, spyOnAnswerer, testEnv, toHex } from './helpers.js';

const enc = new TextEncoder();
const SECRET = SLACK_EVENT.secret;

async function sign(timestamp: string, body: string, secret = SECRET) {
  return 'v0=' + toHex(await hmac('SHA-256', secret, `v0:${timestamp}:${body}`));
}

async function signedRequest(
  path: string,
  body: string,
  opts: { timestamp?: string; secret?: string; contentType?: string; headers?: Record<string, string> } = {},
) {
  const timestamp = opts.timestamp ?? nowSeconds();
  return new Request(`https://briefbot.test/webhooks/slack/${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': opts.contentType ?? 'application/json',
      'X-Slack-Request-Timestamp': timestamp,
      'X-Slack-Signature': await sign(timestamp, body, opts.secret),
      ...opts.headers,
    },
    body,
  });
}

/** The docs' message.im event envelope, with our text and ids. */
function dmEvent(text: string, eventId: string) {
  return JSON.stringify({
    token: 'one-long-verification-token',
    team_id: 'T061EG9R6',
    api_app_id: 'A0PNCHHK2',
    event: { type: 'message', channel: 'D024BE91L', user: 'U2147483697', text, ts: '1355517523.000005', event_ts: '1355517523.000005', channel_type: 'im' },
    type: 'event_callback',
    authed_teams: ['T061EG9R6'],
    event_id: eventId,
    event_time: 1355517523,
  });
}

function slackApi() {
  return mockPlatformApi({ 'https://slack.com': () => json({ ok: true, channel: 'D024BE91L', ts: '1355517524.000001' }) });
}

afterEach(() => vi.restoreAllMocks());

describe('Slack signature (reference §8.2, §8.2b)', () => {
  it('verifies the documented slash-command vector and rejects its tampered and stale forms', async () => {
    const body = enc.encode(SLACK_DOC.body);
    const t = Number(SLACK_DOC.timestamp);
    expect(await verifySlackSignature(SLACK_DOC.secret, SLACK_DOC.timestamp, SLACK_DOC.signature, body, t)).toBe(true);
    expect(
      await verifySlackSignature(SLACK_DOC.secret, SLACK_DOC.timestamp, SLACK_DOC.signature, enc.encode(SLACK_DOC.body.replace('text=&', 'text=x&')), t),
    ).toBe(false);
    expect(await verifySlackSignature(SLACK_DOC.secret, SLACK_DOC.timestamp, SLACK_DOC.signature, body, t + 301)).toBe(false);
    expect(await verifySlackSignature(SLACK_DOC.secret, SLACK_DOC.timestamp, SLACK_DOC.signature, body, t - 301)).toBe(false);
    expect(await verifySlackSignature(SLACK_DOC.secret, SLACK_DOC.timestamp, SLACK_DOC.signature, body, t + 300)).toBe(true);
  });

  it('verifies the Events API vector and rejects its tampered form', async () => {
    const t = Number(SLACK_EVENT.timestamp);
    expect(await verifySlackSignature(SECRET, SLACK_EVENT.timestamp, SLACK_EVENT.signature, enc.encode(SLACK_EVENT.body), t)).toBe(true);
    expect(
      await verifySlackSignature(SECRET, SLACK_EVENT.timestamp, SLACK_EVENT.signature, enc.encode(SLACK_EVENT.body.replace('hear me?', 'hear me!')), t),
    ).toBe(false);
  });

  it('fails closed on malformed headers', async () => {
    const body = enc.encode(SLACK_DOC.body);
    const t = Number(SLACK_DOC.timestamp);
    for (const sig of [
      '',
      'v0=',
      'v1=' + SLACK_DOC.signature.slice(3),
      SLACK_DOC.signature.slice(3),
      SLACK_DOC.signature + '00',
      SLACK_DOC.signature.slice(0, -1) + 'g',
      SLACK_DOC.signature.toUpperCase(),
    ]) {
      expect(await verifySlackSignature(SLACK_DOC.secret, SLACK_DOC.timestamp, sig, body, t), sig).toBe(false);
    }
    expect(await verifySlackSignature(SLACK_DOC.secret, '1531420618.5', SLACK_DOC.signature, body, t)).toBe(false);
    expect(await verifySlackSignature(SLACK_DOC.secret, null, SLACK_DOC.signature, body, t)).toBe(false);
  });
});

describe('POST /webhooks/slack/events', () => {
  it('answers the url_verification handshake after verifying it', async () => {
    const body = JSON.stringify({
      token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    });
    const res = await call(await signedRequest('events', body));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('acknowledges a DM at once and posts a cited mrkdwn answer with chat.postMessage', async () => {
    const api = slackApi();
    const res = await call(await signedRequest('events', dmEvent('When is Petro meeting Trump?', 'EvPETRO0001')));
    expect(res.status).toBe(200);
    expect(api.calls).toHaveLength(1);
    const [req] = api.calls;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe('https://slack.com/api/chat.postMessage');
    expect(req!.headers.get('Authorization')).toBe('Bearer xoxb-test-token');
    expect(req!.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    const sent = JSON.parse(req!.body);
    expect(sent).toEqual({ channel: 'D024BE91L', text: expect.any(String), blocks: expect.any(Array), unfurl_links: false, unfurl_media: false });
    expect(sent.text).toContain('Feb. 3. [1]');
    expect(sent.text).toContain('*Sources*\n[1] Colombian President optimistic about high-stakes White House meeting with Trump');
    // The answer as a section, then the feedback buttons carrying the logged question's answerId.
    expect(sent.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: sent.text } });
    const [up, down] = sent.blocks[1].elements;
    expect(up).toMatchObject({ type: 'button', action_id: 'feedback_up', value: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    expect(down).toMatchObject({ type: 'button', action_id: 'feedback_down', value: up.value });
    const logged = await testEnv.INSIGHTS!.prepare('SELECT channel, answered FROM questions WHERE id = ?').bind(up.value).first();
    expect(logged).toEqual({ channel: 'slack', answered: 1 });
  });

  it('answers an app_mention in its thread, without the mention', async () => {
    const api = slackApi();
    const ask = spyOnAnswerer();
    const body = JSON.stringify({
      team_id: 'T061EG9R6',
      type: 'event_callback',
      event_id: 'EvMENTION001',
      authorizations: [{ user_id: 'U0LAN0Z89', is_bot: true }],
      event: { type: 'app_mention', user: 'U061F7AUR', text: '<@U0LAN0Z89> when is Petro meeting Trump?', channel: 'C0LAN2Q65', ts: '1515449522.000016' },
    });
    expect((await call(await signedRequest('events', body))).status).toBe(200);
    expect(ask).toHaveBeenCalledWith('when is Petro meeting Trump?', expect.objectContaining({ history: expect.any(Array) }));
    const sent = JSON.parse(api.calls[0]!.body);
    expect(sent).toMatchObject({ channel: 'C0LAN2Q65', thread_ts: '1515449522.000016' });
    expect(sent.text).toContain('Feb. 3');
  });

  it('posts once when Slack retries the same event', async () => {
    const api = slackApi();
    const body = dmEvent('When is Petro meeting Trump?', 'EvRETRY0001');
    await call(await signedRequest('events', body));
    const retry = await call(await signedRequest('events', body, { headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } }));
    expect(retry.status).toBe(200);
    expect(api.calls).toHaveLength(1);
  });

  it('ignores bot messages, edits and channel messages that are not mentions', async () => {
    const api = slackApi();
    const base = JSON.parse(dmEvent('hello', 'EvIGNORE0001'));
    const variants = [
      { ...base, event_id: 'EvIGNORE0001', event: { ...base.event, bot_id: 'B123' } },
      { ...base, event_id: 'EvIGNORE0002', event: { ...base.event, subtype: 'message_changed' } },
      { ...base, event_id: 'EvIGNORE0003', event: { ...base.event, channel_type: 'channel', channel: 'C1' } },
    ];
    for (const v of variants) expect((await call(await signedRequest('events', JSON.stringify(v)))).status).toBe(200);
    expect(api.calls).toHaveLength(0);
  });

  it('logs and survives a failing Slack API (ok:false, timeouts)', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const api = mockPlatformApi({ 'https://slack.com': () => json({ ok: false, error: 'channel_not_found' }) });
    const res = await call(await signedRequest('events', dmEvent('/latest', 'EvFAIL0001')));
    expect(res.status).toBe(200);
    expect(api.calls).toHaveLength(1);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('channel_not_found'));
    expect(errors.mock.calls.join(' ')).not.toContain('xoxb-test-token');
  });

  it.each([
    ['forged (wrong secret)', { secret: 'not-the-signing-secret' }, {}],
    ['expired (6 minutes old)', { timestamp: String(Math.floor(Date.now() / 1000) - 360) }, {}],
    ['from the future', { timestamp: String(Math.floor(Date.now() / 1000) + 360) }, {}],
    ['unsigned', {}, { 'X-Slack-Signature': '' }],
  ])('rejects a %s event with 401 and no answer', async (_, opts, headers) => {
    const api = slackApi();
    const ask = spyOnAnswerer();
    const res = await call(await signedRequest('events', dmEvent('When is Petro meeting Trump?', 'EvFORGED01'), { ...opts, headers }));
    expect(res.status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
    expect(api.calls).toHaveLength(0);
  });

  it('rejects a tampered body with 401', async () => {
    const ask = spyOnAnswerer();
    const good = await signedRequest('events', dmEvent('When is Petro meeting Trump?', 'EvTAMPER01'));
    const tampered = new Request(good, { body: dmEvent('When is Petro meeting Trump!', 'EvTAMPER01') });
    expect((await call(tampered)).status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('POST /webhooks/slack/commands', () => {
  it('accepts the documented signed slash command (clock pinned) and answers help inline', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Number(SLACK_DOC.timestamp) * 1000 + 5_000);
    try {
      const res = await call(
        new Request('https://briefbot.test/webhooks/slack/commands', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-Slack-Request-Timestamp': SLACK_DOC.timestamp,
            'X-Slack-Signature': SLACK_DOC.signature,
          },
          body: SLACK_DOC.body,
        }),
      );
      expect(res.status).toBe(200);
      const body = await res.json<{ response_type: string; text: string }>();
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain('I answer questions about the news briefs');
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a question in the channel, in mrkdwn with & < > escaped', async () => {
    const form = new URLSearchParams({
      token: 'x',
      team_id: 'T1DC2JH3J',
      team_domain: 'testteamnow',
      channel_id: 'C8PSS9T3V',
      channel_name: 'news',
      user_id: 'U2CERLKJA',
      user_name: 'roadrunner',
      command: '/briefbot',
      text: 'When is Petro meeting Trump?',
      api_app_id: 'A1',
      response_url: 'https://hooks.slack.com/commands/x',
      trigger_id: '1.2.3',
    }).toString();
    const res = await call(await signedRequest('commands', form, { contentType: 'application/x-www-form-urlencoded' }));
    const body = await res.json<{ response_type: string; text: string }>();
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toContain('Feb. 3. [1]');
    expect(body.text).not.toMatch(/[<>]/); // no links (the seed brief has no URL) and nothing unescaped
  });

  it('rejects an expired slash command with 401', async () => {
    const ask = spyOnAnswerer();
    const res = await call(
      await signedRequest('commands', 'command=%2Fbriefbot&text=latest', {
        contentType: 'application/x-www-form-urlencoded',
        timestamp: String(Math.floor(Date.now() / 1000) - 301),
      }),
    );
    expect(res.status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
  });

  it('is 404 while Slack is not configured', async () => {
    const res = await call(await signedRequest('commands', 'command=%2Fbriefbot&text=latest'), { SLACK_SIGNING_SECRET: undefined });
    expect(res.status).toBe(404);
    expect(testEnv.SLACK_SIGNING_SECRET).toBe(SECRET);
  });
});

describe('POST /webhooks/slack/interactions (feedback buttons)', () => {
  /** Ask in a DM and return the answerId its 👍/👎 buttons carry. */
  async function answerId(): Promise<string> {
    const api = slackApi();
    await call(await signedRequest('events', dmEvent('When is Petro meeting Trump?', `Ev${crypto.randomUUID().slice(0, 8)}`)));
    const id = JSON.parse(api.calls[0]!.body).blocks[1].elements[0].value as string;
    api.restore();
    return id;
  }
  const press = (id: string, actionId: string) =>
    new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions',
        user: { id: 'U2147483697' },
        team: { id: 'T061EG9R6' },
        response_url: 'https://hooks.slack.com/actions/T061EG9R6/1/abc',
        actions: [{ type: 'button', block_id: 'feedback', action_id: actionId, value: id, action_ts: '1.2' }],
      }),
    }).toString();

  it('stores the vote, a second press changes it, and thanks the reader privately through response_url', async () => {
    const id = await answerId();
    const hooks = mockPlatformApi({ 'https://hooks.slack.com': () => json({ ok: true }) });
    const res = await call(await signedRequest('interactions', press(id, 'feedback_down'), { contentType: 'application/x-www-form-urlencoded' }));
    expect(res.status).toBe(200);
    expect(await testEnv.INSIGHTS!.prepare('SELECT rating FROM feedback WHERE answer_id = ?').bind(id).first()).toEqual({ rating: 'down' });
    await call(await signedRequest('interactions', press(id, 'feedback_up'), { contentType: 'application/x-www-form-urlencoded' }));
    expect(await testEnv.INSIGHTS!.prepare('SELECT rating FROM feedback WHERE answer_id = ?').bind(id).first()).toEqual({ rating: 'up' });
    expect(hooks.calls.map((c) => c.url)).toEqual(['https://hooks.slack.com/actions/T061EG9R6/1/abc', 'https://hooks.slack.com/actions/T061EG9R6/1/abc']);
    expect(JSON.parse(hooks.calls[0]!.body)).toEqual({ response_type: 'ephemeral', replace_original: false, text: 'Thanks for your feedback!' });
  });

  it('refuses an unsigned press with 401 and stores nothing', async () => {
    const id = await answerId();
    const res = await call(
      await signedRequest('interactions', press(id, 'feedback_down'), { secret: 'wrong-secret', contentType: 'application/x-www-form-urlencoded' }),
    );
    expect(res.status).toBe(401);
    expect(await testEnv.INSIGHTS!.prepare('SELECT COUNT(*) AS n FROM feedback WHERE answer_id = ?').bind(id).first()).toEqual({ n: 0 });
  });

  it('ignores other actions and never posts to a response_url off Slack', async () => {
    const hooks = mockPlatformApi({});
    const other = press('AAAAAAAAAAAAAAAAAAAAAA', 'something_else');
    expect((await call(await signedRequest('interactions', other, { contentType: 'application/x-www-form-urlencoded' }))).status).toBe(200);
    const evil = new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions',
        response_url: 'https://evil.example/hook',
        actions: [{ action_id: 'feedback_up', value: 'AAAAAAAAAAAAAAAAAAAAAA' }],
      }),
    }).toString();
    expect((await call(await signedRequest('interactions', evil, { contentType: 'application/x-www-form-urlencoded' }))).status).toBe(200);
    expect(hooks.calls).toHaveLength(0);
  });
});

describe('parseSlackEvent', () => {
  it('reads the documented message.im vector', () => {
    expect(parseSlackEvent(JSON.parse(SLACK_EVENT.body))).toEqual({
      eventId: 'Ev0PV52K21',
      teamId: 'T061EG9R6',
      channel: 'D024BE91L',
      user: 'U2147483697',
      threadTs: undefined,
      text: 'Hello hello can you hear me?',
    });
  });
  it('decodes Slack entities and links in the question', () => {
    const p = JSON.parse(dmEvent('Trade &amp; security &lt;2026&gt; <https://example.com|this page>', 'Ev1'));
    expect(parseSlackEvent(p)?.text).toBe('Trade & security <2026> this page');
  });
});
