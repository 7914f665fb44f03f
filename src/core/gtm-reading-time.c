/* gtm-reading-time.c — how long a pitch or positioning takes to say aloud
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gtm-reading-time"

#include "config.h"

#include "gtm-reading-time.h"

/*
 * The speaking rates of gtm-reading-time.h:
 *
 * - English, 150 words a minute: the average conversational rate of English
 *   speakers given by the National Center for Voice and Speech (“about 150
 *   words per minute”), the pace of a presenter neither rushing nor reading
 *   slowly. Other languages counted by words use the same rate.
 * - Chinese, 250 characters a minute: Lee and Chan, “Chinese speaking
 *   times”, International Journal of Industrial Ergonomics 31 (5), 2003,
 *   measured 224 ms a character for Mandarin newsreaders (about 268 a
 *   minute), and CCTV’s news programmes run at 250–270 characters a minute;
 *   a pitch said in a meeting is a little slower than the news. Japanese
 *   and Korean syllable characters are spoken at a similar pace and share
 *   the rate (a Han character cannot tell which language it is in).
 */

#define KATAKANA_HIRAGANA_PROLONGED_SOUND_MARK 0x30FC
#define RIGHT_SINGLE_QUOTATION_MARK 0x2019
#define HYPHEN 0x2010
#define NON_BREAKING_HYPHEN 0x2011

static gboolean
is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
      return g_unichar_isalpha (c) || g_unichar_type (c) == G_UNICODE_LETTER_NUMBER;

    default:
      return c == KATAKANA_HIRAGANA_PROLONGED_SOUND_MARK;
    }
}

/* Letters and digits of a word; a combining mark (an accent typed as a
 * separate character) continues the word it follows. */
static gboolean
is_word_char (gunichar c)
{
  return !is_cjk (c) && (g_unichar_isalnum (c) || g_unichar_ismark (c));
}

/* Characters that join two parts of one word when they stand between them:
 * apostrophes and hyphens between letters, points and commas between digits. */
static gboolean
joins_word (gunichar previous,
            gunichar c,
            gunichar next)
{
  switch (c)
    {
    case '\'':
    case RIGHT_SINGLE_QUOTATION_MARK:
    case '-':
    case HYPHEN:
    case NON_BREAKING_HYPHEN:
      return is_word_char (previous) && is_word_char (next);

    case '.':
    case ',':
      return g_unichar_isdigit (previous) && g_unichar_isdigit (next);

    default:
      return FALSE;
    }
}

void
gtm_reading_time_count (const char *text,
                        guint      *cjk_chars,
                        guint      *words)
{
  g_autofree char *valid = NULL;
  guint n_cjk = 0;
  guint n_words = 0;
  gboolean in_word = FALSE;
  gunichar previous = 0;

  if (text != NULL)
    {
      /* Invalid bytes become U+FFFD, a symbol, which counts for nothing. */
      if (!g_utf8_validate (text, -1, NULL))
        text = valid = g_utf8_make_valid (text, -1);

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          const char *next_p = g_utf8_next_char (p);
          gunichar next = *next_p != '\0' ? g_utf8_get_char (next_p) : 0;

          if (is_cjk (c))
            {
              n_cjk++;
              in_word = FALSE;
            }
          else if (g_unichar_ismark (c))
            {
              /* Continues the word before it, if any; a variation selector
               * after an emoji is a mark too, and no word. */
            }
          else if (is_word_char (c))
            {
              if (!in_word)
                n_words++;
              in_word = TRUE;
            }
          else if (!(in_word && joins_word (previous, c, next)))
            in_word = FALSE;

          previous = c;
        }
    }

  if (cjk_chars != NULL)
    *cjk_chars = n_cjk;
  if (words != NULL)
    *words = n_words;
}

double
gtm_reading_time_seconds (const char *text)
{
  guint cjk_chars;
  guint words;

  gtm_reading_time_count (text, &cjk_chars, &words);

  return words * (60.0 / GTM_READING_TIME_WORDS_PER_MINUTE)
         + cjk_chars * (60.0 / GTM_READING_TIME_CJK_CHARS_PER_MINUTE);
}

gboolean
gtm_reading_time_too_long (double seconds)
{
  return seconds > GTM_READING_TIME_LIMIT;
}
