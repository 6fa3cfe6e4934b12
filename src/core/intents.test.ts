import { describe, expect, it } from 'vitest';
import { detectIntent, normalizeMessage } from './intents.js';

describe('detectIntent', () => {
  const cases: [string, ReturnType<typeof detectIntent>][] = [
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['good morning 👋', 'greeting'],
    ['/start', 'greeting'],
    ['thanks!', 'thanks'],
    ['Thank you so much', 'thanks'],
    ['ok thanks', 'thanks'],
    ['what can you do?', 'help'],
    ['/help', 'help'],
    ['How does this work?', 'help'],
    ['latest news', 'latest'],
    ["What's new?", 'latest'],
    ['/latest', 'latest'],
    ['any news', 'latest'],
    // Asking what the briefs say as a whole: their leads, newest first.
    ['summarize the brief', 'latest'],
    ['What is this story about?', 'latest'],
    ["what's this about", 'latest'],
    ['What is this all about?', 'latest'],
    ["What's the main news here?", 'latest'],
    ['tl;dr', 'latest'],
    ['Give me the gist of this piece?', 'latest'],
    ['Give me the gist of this one.', 'latest'],
    ["Broadly, what's this about?", 'latest'],
    ['What is this report about?', 'latest'],
    ['What is the main point of this article?', 'latest'],
    ["What's the takeaway?", 'latest'],
    // (A point of something the briefs tell is a question.)
    ['What is the point of the sanctions?', 'question'],
    // A question about the story with an opening adverb is still a question.
    ['Briefly, when is the meeting?', 'question'],
    ['What is the gist of the Petro story?', 'question'],
    // A goodbye or an acknowledgement is no question to search.
    ['thanks, bye', 'thanks'],
    ['ok bye', 'thanks'],
    ['ok cool', 'thanks'],
    ['Interesting!', 'thanks'],
    ['got it', 'thanks'],
    ['ok. what did the american envoy say?', 'question'],
    ['tell me more', 'more'],
    ['More please', 'more'],
    ['/more@briefbot', 'more'],
    ['source?', 'source'],
    ['Sources', 'source'],
    ['where did you get that?', 'source'],
    ['Who wrote the brief?', 'source'],
    ["who's the author", 'source'],
    ['how do you know?', 'source'],
    ['/new', 'reset'],
    ['reset', 'reset'],
    ['Start over', 'reset'],
  ];
  it.each(cases)('%s → %s', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  it('keeps real questions as questions, even when they contain intent words', () => {
    for (const q of [
      'When is Petro meeting Trump?',
      "What's new in the talks between Petro and Trump?",
      'Tell me more about the drug situation',
      'What is the source of the tensions?',
      'Who said hello to Rubio?',
      'Why?',
      'And the lower one?',
    ]) {
      expect(detectIntent(q), q).toBe('question');
    }
  });

  it('treats an empty message as a request for help', () => {
    expect(detectIntent('   ')).toBe('help');
  });

  it('normalises case, punctuation, mentions and polite words', () => {
    expect(normalizeMessage('  /Latest@BriefBot please!! ')).toBe('latest');
    expect(normalizeMessage("What's NEW?")).toBe('what s new');
  });
});
