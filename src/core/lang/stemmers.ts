/**
 * Snowball stemmers per language (`@orama/stemmers`, Apache-2.0: each
 * language is its own small module, so only these are bundled), and the
 * Porter stemmer English already uses. Turkish words are cut to their first
 * five letters instead (`analyze.ts`). Vietnamese, Chinese, Japanese, Thai
 * and Korean have none: their words do not inflect (Hindi's is a light
 * suffix stripper).
 * @module
 */
import { stemmer as ar } from '@orama/stemmers/arabic';
import { stemmer as de } from '@orama/stemmers/german';
import { stemmer as el } from '@orama/stemmers/greek';
import { stemmer as es } from '@orama/stemmers/spanish';
import { stemmer as fr } from '@orama/stemmers/french';
import { stemmer as hi } from '@orama/stemmers/indian';
import { stemmer as it } from '@orama/stemmers/italian';
import { stemmer as nl } from '@orama/stemmers/dutch';
import { stemmer as pt } from '@orama/stemmers/portuguese';
import { stemmer as ro } from '@orama/stemmers/romanian';
import { stemmer as ru } from '@orama/stemmers/russian';
import { stemmer as en } from 'stemmer';
import type { Lang } from './detect.js';

export const STEMMERS: Partial<Record<Lang, (word: string) => string>> = { en, es, fr, de, pt, it, nl, ro, ru, el, ar, hi };
