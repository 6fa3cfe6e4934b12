import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBriefFiles } from '../../src/node/briefs-dir.js';
import { parseBriefs } from '../../src/core/brief.js';
import { announcesNewTopic, conversationContext, looksAnaphoric, stripTopicMarker, turnOf, type FollowUpOptions } from '../../src/core/conversation.js';
import type { Engine } from '../../src/core/engine.js';
import { buildEngine } from '../../src/core/indexer.js';
import { readLexicon } from '../../src/node/lexicon.js';
import type { Answer, Turn } from '../../src/core/types.js';

// The seed brief (Petro/Trump) plus two fixture briefs that compete for vague questions:
// another summit where "the two leaders will talk about…", with another foreign minister.
let engine: Engine;
const SEED = '000-3f25df5bcd3f84e8';
beforeAll(() => {
  const root = resolve(import.meta.dirname, '../..');
  engine = buildEngine(
    parseBriefs([...readBriefFiles(resolve(root, 'seeds')), ...readBriefFiles(resolve(root, 'tests/fixtures/conversations'))]),
    readLexicon(),
  );
});

/** Ask a sequence of questions as one conversation (with `followUp` settings, when given). */
function converse(questions: string[], followUp?: Partial<FollowUpOptions>): Answer[] {
  const history: Turn[] = [];
  return questions.map((q) => {
    const answer = engine.ask(q, { history: [...history] }, followUp ? { followUp } : undefined);
    history.push(turnOf(q, answer));
    return answer;
  });
}

describe('follow-up questions on the seed brief', () => {
  it('answers "When is Petro meeting Trump?" → "What will they talk about?" → "Who is the foreign minister?" from the brief in focus', () => {
    const [meeting, talk, minister] = converse(['When is Petro meeting Trump?', 'What will they talk about?', 'Who is the foreign minister?']);
    expect(meeting!.answered).toBe(true);
    expect(meeting!.answer).toContain('Feb. 3');
    expect(meeting!.followUp).toBe('no-history');

    expect(talk!.followUp).toBe('follow-up');
    expect(talk!.answered).toBe(true);
    expect(talk!.citations[0]!.briefId).toBe(SEED);

    expect(minister!.followUp).toBe('follow-up');
    expect(minister!.citations[0]!.briefId).toBe(SEED);
    expect(minister!.answer).toContain('Rosa Villavicencio');
  });

  it('needs the history for those follow-ups: asked alone they go to the other summit', () => {
    const talk = engine.ask('What will they talk about?');
    expect(talk.citations[0]!.briefId).toBe('japan-china-talks');
    const minister = engine.ask('Who is the foreign minister?');
    expect(minister.citations[0]!.briefId).toBe('japan-china-talks');
    expect(minister.answer).toContain('Kenji Morita');
  });

  it('does not change a first question: an empty history answers exactly as no history', () => {
    const q = 'When is Petro meeting Trump?';
    const { followUp, ...withEmpty } = engine.ask(q, { history: [] });
    expect(followUp).toBe('no-history');
    expect(withEmpty).toEqual(engine.ask(q));
  });

  it('reads "she" or "his" as the one person the question it leans on named, when the question has no other word the briefs hold', () => {
    const ask = (questions: string[], pronounName: boolean) => converse(questions, { pronounName });
    // "Where did she speak?" is "Where did Locetta speak?" (since 2026-12-01 also without the name: a verb of speaking
    // after a pronoun, in a question for a place or a date, asks for nothing of its own; it had been declined).
    const [, where] = ask(['Who is Locetta?', 'Where did she speak?'], true);
    expect(where!.answered).toBe(true);
    expect(where!.citations[0]!.passageId).toBe(`${SEED}#p8`);
    // Through a question that itself said "he" to the one that named him.
    const [, , job] = ask(['Tell me about Rubio', 'Who did he talk to?', 'What is his job?'], true);
    expect(job!.answer).toMatch(/^In a significant diplomatic shift, .*Secretary of State Marco Rubio/);
    // A question that said "she" gives no referent with its name: "Security Council" is not "she".
    const [, , again] = ask(['Who is Locetta?', 'What did she tell the Security Council?', 'Where did she speak?'], true);
    expect(again!.citations[0]!.passageId).toBe(`${SEED}#p8`);
    // Two names: "he" could be either, the question is read as asked.
    const [, said] = ask(['When is Petro meeting Trump?', 'What did he say?'], true);
    expect(said!.answered).toBe(true);
    // A verb of saying is no word of its own: "What did he say?" after "Who is Rubio?" is what Rubio said, and
    // "What else did she say?" what Locetta said that the last answer did not quote.
    expect(ask(['Who is Rubio?', 'What did he say?'], true)[1]!.answer).toMatch(/Rubio confirmed/);
    const [, , criticized, besides] = ask(['Who is Jennifer Locetta?', 'Where did she speak?', 'What did she criticize?', 'What else did she say?'], true);
    expect(criticized!.answer).toMatch(/^She criticized/);
    expect(besides!.answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    // Who speaks, when the question names whom they spoke to: "What did he promise Petro?" is what Rubio promised him
    // (natural conversations 132 and 134: answered with Petro's own "The talks are going well").
    expect(ask(['Who did Rubio speak with?', 'What did he promise Petro?'], true)[1]!.answer).toMatch(/Rubio confirmed/);
    expect(ask(['Who did Rubio speak with?', 'What did he promise Petro?'], false)[1]!.answer).toMatch(/^"The talks are going well/);
    // Without the name, "What else did she say?" is what anyone else said (the spokesman's words).
    const [, , , anyone] = ask(['Who is Jennifer Locetta?', 'Where did she speak?', 'What did she criticize?', 'What else did she say?'], false);
    expect(anyone!.answer).not.toMatch(/Locetta/);
  });

  it('answers "Who is Rubio?" mid-conversation where the name is introduced, within the briefs in focus', () => {
    const ask = (questions: string[], identityAlone: boolean) => converse(questions, { identityAlone });
    // The spokesman's paragraph names Rubio too, and holds the conversation's words ("Tommy Pigott").
    const [, rubio] = ask(['Who is Tommy Pigott?', "Who's Rubio?"], true);
    expect(rubio!.citations[0]!.passageId).toBe(`${SEED}#p4`);
    expect(rubio!.answer).toMatch(/Secretary of State Marco Rubio/);
    expect(ask(['Who is Tommy Pigott?', "Who's Rubio?"], false)[1]!.citations[0]!.passageId).toBe(`${SEED}#p5`);
    // A pronoun is no name: "Who is she?" still leans on the conversation.
    const [, she] = ask(['What did Locetta criticize?', 'Who is she?'], true);
    expect(she!.citations[0]!.passageId).toMatch(new RegExp(`^${SEED}#p[89]$`));
  });

  it('lets go of the old topic for a self-contained question about something else', () => {
    const [, shift] = converse(['When is Petro meeting Trump?', 'Who scored twice for Harbour Town in the cup final?']);
    expect(shift!.followUp).toBe('new-topic');
    expect(shift!.citations[0]!.briefId).toBe('harbour-cup-final');
    expect(shift!.answer).toContain('Ana Costa');
  });

  it('follows the new topic afterwards', () => {
    const answers = converse(['When is Petro meeting Trump?', 'Who scored twice for Harbour Town in the cup final?', 'Who did they beat?']);
    expect(answers[2]!.followUp).toBe('follow-up');
    expect(answers[2]!.citations[0]!.briefId).toBe('harbour-cup-final');
    expect(answers[2]!.answer).toContain('Millbrook');
  });

  it('drops an announced change of subject and its marker words', () => {
    const [, shift] = converse(['When is Petro meeting Trump?', 'Switching topics: who saved a penalty?']);
    expect(shift!.followUp).toBe('announced-shift');
    expect(shift!.citations[0]!.briefId).toBe('harbour-cup-final');
  });

  it('still says so when the briefs do not hold the answer, history or not', () => {
    const [, missing] = converse(['When is Petro meeting Trump?', 'What is the population of Canada?']);
    expect(missing!.answered).toBe(false);
    expect(missing!.citations).toEqual([]);
  });

  it('reads "And about drugs?" as the last question asked of something else: not what the last answer said again', () => {
    const [groups, drugs] = converse(['What did Locetta say about the armed groups?', 'And about drugs?']);
    expect(groups!.answer).toMatch(/^She criticized/);
    expect(drugs!.followUp).toBe('follow-up');
    expect(drugs!.answer).toMatch(/deeply concerned about instability, violence, and illicit drug cultivation/);
    // What the last question asked about ("the armed groups") is swapped out; the rest of it still counts.
    const [, security] = converse(['What will the meeting focus on?', 'What about security?']);
    expect(security!.answer).toContain('regional security');
  });

  it('reads "What about Trump?" after "What did Petro say?" as the last question asked of Trump', () => {
    // The one name the last question gave is swapped for this one's: "What did Trump say?" ("…according to the U.S.
    // president"), not what Locetta said of Trump and Petro, which the conversation's "Petro" and "say" lifted.
    const [, trump] = converse(['What did Petro say?', 'What about Trump?']);
    expect(trump!.answer).toMatch(/according to the U\.S\. president/);
    const [, before] = converse(['What did Petro say?', 'What about Trump?'], { swapNames: false });
    expect(before!.answer).toMatch(/^U\.S\. deputy ambassador Jennifer Locetta told/);
    // A question of its own after the name is asked as it stands.
    const [, own] = converse(['What did Petro say?', 'What about Locetta, what did she criticize?']);
    expect(own!.answer).toMatch(/^She criticized/);
  });

  it('resolves a bare "Why?" from the conversation instead of refusing it', () => {
    expect(engine.ask('Why?').answered).toBe(false);
    const [, why] = converse(["Why did the U.S. revoke Petro's visa?", 'Why?']);
    expect(why!.answered).toBe(true);
    expect(why!.citations[0]!.briefId).toBe(SEED);
  });
});

describe('a pronoun in a follow-up', () => {
  const city = () =>
    buildEngine(
      parseBriefs([
        {
          path: 'a.txt',
          bytes: new TextEncoder().encode(
            'Title: City news\n\nMayor Ana Ruiz opened the new library on Monday. She thanked the donors who paid for the building.\n\nAna Ruiz later thanked the volunteers.\n\nThe park reopened after repairs.\n',
          ),
        },
        { path: 'b.txt', bytes: new TextEncoder().encode('Title: Rail works\n\nTrains will run less often while the tracks are renewed.\n') },
      ]),
      readLexicon(),
    );

  it('looks first in the passage the last answer quoted, and does not say that answer again', () => {
    const e = city();
    const first = e.ask('What did Ana Ruiz open?');
    expect(first.answer).toBe('Mayor Ana Ruiz opened the new library on Monday. [1]');
    const history = [turnOf('What did Ana Ruiz open?', first)];
    const next = e.ask('Whom did she thank?', { history });
    expect(next.citations[0]!.passageId).toBe('a#p1');
    expect(next.answer).toMatch(/^She thanked the donors/);
    // Without the passage's boost, the other paragraph that names her wins.
    expect(e.ask('Whom did she thank?', { history }, { followUp: { passageBoost: 0 } }).citations[0]!.passageId).toBe('a#p2');
  });
});

describe('conversation helpers', () => {
  it('remembers the briefs the answer quotes, not the further reading', () => {
    const answer = engine.ask('What will they talk about?', { limit: 3 });
    const turn = turnOf('What will they talk about?', answer);
    const quoted = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => answer.citations[Number(m[1]) - 1]!.briefId);
    expect(turn.briefIds).toEqual([...new Set(quoted)]);
    expect(turn.passageIds).toEqual(answer.citations.map((c) => c.passageId));
    expect(turn.answer).not.toMatch(/\[\d\]/);
  });

  it('takes context terms from the current topic only, newest weighing most', () => {
    const history: Turn[] = [
      { question: 'Who scored for Harbour Town?', answered: true, briefIds: ['harbour-cup-final'], passageIds: ['harbour-cup-final#p2'] },
      { question: 'When is Petro meeting Trump?', answered: true, briefIds: [SEED], passageIds: [`${SEED}#p1`] },
      { question: 'Who is the foreign minister?', answered: true, briefIds: [SEED], passageIds: [`${SEED}#p4`] },
    ];
    const ctx = conversationContext(engine.index, history)!;
    expect([...ctx.focus.keys()]).toEqual([SEED]);
    expect(ctx.terms.has('harbour')).toBe(false);
    expect(ctx.terms.get('petro')!).toBeLessThan(ctx.terms.get('minist')!);
    expect(conversationContext(engine.index, [{ question: 'x', answered: false, briefIds: [], passageIds: [] }])).toBeUndefined();
  });

  it('recognises announced topic changes and anaphora', () => {
    expect(announcesNewTopic('Switching topics: what is the biggest city on the Rhine?')).toBe(true);
    expect(announcesNewTopic('On a different subject: who founded Antioch?')).toBe(true);
    expect(announcesNewTopic('What is the subject of the talks?')).toBe(false);
    expect(stripTopicMarker('New question: which king moved the court?')).toBe('which king moved the court?');
    expect(stripTopicMarker('Unrelated')).toBe('Unrelated');
    expect(looksAnaphoric('Who succeeded him?')).toBe(true);
    expect(looksAnaphoric('And the lower one?')).toBe(true);
    expect(looksAnaphoric('When is Petro meeting Trump?')).toBe(false);
  });
});
