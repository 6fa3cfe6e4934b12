import { describe, expect, it } from 'vitest';
import { Conversation, MAX_MESSAGES, type KeyValue } from './store.js';

function memory(): KeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const answer = { answered: true, answer: 'A. [1]', citations: [] };

describe('Conversation', () => {
  it('survives a reload through storage, ids continuing', () => {
    const s = memory();
    const a = new Conversation(s, 'k');
    a.add({ role: 'user', text: 'Q?' });
    a.add({ role: 'bot', question: 'Q?', answer });
    a.setOpen(true);
    const b = new Conversation(s, 'k');
    expect(b.messages.map((m) => m.role)).toEqual(['user', 'bot']);
    expect(b.open).toBe(true);
    expect(b.add({ role: 'user', text: 'again' }).id).toBe(3);
  });

  it('clear forgets everything, in storage too', () => {
    const s = memory();
    const a = new Conversation(s, 'k');
    a.add({ role: 'user', text: 'Q?' });
    a.clear();
    expect(a.messages).toEqual([]);
    expect(s.data.has('k')).toBe(false);
    expect(new Conversation(s, 'k').messages).toEqual([]);
  });

  it('has no conversation id until the server issues one, keeps it across a reload, forgets it on clear', () => {
    const s = memory();
    const a = new Conversation(s, 'k');
    expect(a.conversationId).toBeUndefined();
    a.add({ role: 'user', text: 'Q?' });
    a.adopt('issued-by-server_1');
    expect(new Conversation(s, 'k').conversationId).toBe('issued-by-server_1');
    a.clear();
    expect(a.conversationId).toBeUndefined();
    a.add({ role: 'user', text: 'Q2?' });
    expect(new Conversation(s, 'k').conversationId).toBeUndefined();
  });

  it('keeps conversations of different Workers apart', () => {
    const s = memory();
    new Conversation(s, 'briefbot:v1:https://a.example').add({ role: 'user', text: 'for a' });
    expect(new Conversation(s, 'briefbot:v1:https://b.example').messages).toEqual([]);
  });

  it('ignores corrupt or foreign data and bad entries', () => {
    const s = memory();
    s.data.set('k', '{not json');
    expect(new Conversation(s, 'k').messages).toEqual([]);
    s.data.set(
      'k',
      JSON.stringify({
        v: 1,
        open: false,
        messages: [
          { id: 1, role: 'user', text: 'ok' },
          { id: 2, role: 'bot' },
          { id: 3, role: 'admin', text: 'x' },
        ],
      }),
    );
    expect(new Conversation(s, 'k').messages).toEqual([{ id: 1, role: 'user', text: 'ok' }]);
  });

  it('works without storage, or when storage throws', () => {
    const throwing: KeyValue = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    for (const storage of [null, throwing]) {
      const c = new Conversation(storage, 'k');
      c.add({ role: 'user', text: 'still works' });
      expect(c.messages).toHaveLength(1);
    }
  });

  it('keeps only the latest messages', () => {
    const c = new Conversation(memory(), 'k');
    for (let i = 0; i < MAX_MESSAGES + 5; i++) c.add({ role: 'user', text: `q${i}` });
    expect(c.messages).toHaveLength(MAX_MESSAGES);
    expect(c.messages[0]).toMatchObject({ text: 'q5' });
  });

  it('remembers pending questions and that older messages were dropped, across a reload; junk pending entries are dropped', () => {
    const storage = memory();
    const c = new Conversation(storage, 'k');
    for (let i = 0; i < MAX_MESSAGES + 1; i++) c.add({ role: 'user', text: `q${i}` });
    c.addPending('asked');
    c.addPending('queued');
    const again = new Conversation(storage, 'k');
    expect(again.pending).toEqual(['asked', 'queued']);
    expect(again.trimmed).toBe(true);
    again.settlePending();
    expect(new Conversation(storage, 'k').pending).toEqual(['queued']);
    again.clear();
    expect(new Conversation(storage, 'k')).toMatchObject({ pending: [], trimmed: false });

    storage.setItem('j', JSON.stringify({ v: 1, open: false, messages: [], pending: ['ok', 7, '', 'x'.repeat(501), null] }));
    expect(new Conversation(storage, 'j').pending).toEqual(['ok']);
  });

  it('finds the failed exchange at the end', () => {
    const c = new Conversation(memory(), 'k');
    c.add({ role: 'user', text: 'ok?' });
    c.add({ role: 'bot', question: 'ok?', answer });
    expect(c.failedTail()).toEqual([]);
    c.add({ role: 'user', text: 'fails?' });
    c.add({ role: 'error', question: 'fails?', text: 'Network', retry: true });
    expect(c.failedTail().map((m) => m.role)).toEqual(['user', 'error']);
  });
});
