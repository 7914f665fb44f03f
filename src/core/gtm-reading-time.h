/* gtm-reading-time.h — how long a pitch or positioning takes to say aloud
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Seconds past which a text is too long to say: an elevator pitch or a
 * positioning statement should take a minute at most. */
#define GTM_READING_TIME_LIMIT 60.0

/* Speaking rates the time is worked out with; see gtm-reading-time.c for
 * where they come from. */
#define GTM_READING_TIME_WORDS_PER_MINUTE 150.0
#define GTM_READING_TIME_CJK_CHARS_PER_MINUTE 250.0

/* Counts what there is to say in @text (UTF-8; invalid bytes are skipped):
 * Chinese, Japanese and Korean by characters (Han, Hiragana, Katakana and
 * Hangul, plus the Japanese long-vowel mark ー), every other language by
 * words, runs of letters, digits and combining marks; an apostrophe or
 * hyphen between letters, or a point or comma between digits, stays inside
 * the word (“don’t”, “go-to-market”, “1,234.5”). Punctuation, symbols and
 * emoji count for nothing. Either out pointer may be NULL. */
void     gtm_reading_time_count    (const char *text,
                                    guint      *cjk_chars,
                                    guint      *words);

/* Seconds @text takes to say: its words at
 * GTM_READING_TIME_WORDS_PER_MINUTE plus its CJK characters at
 * GTM_READING_TIME_CJK_CHARS_PER_MINUTE. 0 for NULL or empty text. */
double   gtm_reading_time_seconds  (const char *text);

/* Whether @seconds is past GTM_READING_TIME_LIMIT (a minute exactly is
 * not). */
gboolean gtm_reading_time_too_long (double      seconds);

G_END_DECLS
