/* test-reading-time.c — how long a pitch takes to say, by words and by CJK characters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-reading-time"

#include "config.h"

#include "gtm-reading-time.h"

#define EPSILON 1e-9

/* Seconds a word takes at 150 a minute, a CJK character at 250 a minute. */
#define WORD_SECONDS (60.0 / 150.0)
#define CJK_SECONDS  (60.0 / 250.0)

#define assert_count(text, expected_cjk, expected_words) G_STMT_START { \
    guint count_cjk = G_MAXUINT; \
    guint count_words = G_MAXUINT; \
    gtm_reading_time_count ((text), &count_cjk, &count_words); \
    g_assert_cmpuint (count_cjk, ==, (expected_cjk)); \
    g_assert_cmpuint (count_words, ==, (expected_words)); \
  } G_STMT_END

/* @n copies of @unit, one after another. */
static char *
repeat (const char *unit,
        guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

static void
test_english (void)
{
  /* GTM · Studio · helps · product · marketers · plan · launches: 7 words,
   * 7 × 0.4 s = 2.8 s. */
  const char *pitch = "GTM Studio helps product marketers plan launches.";

  assert_count (pitch, 0, 7);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (pitch), 7 * WORD_SECONDS, EPSILON);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (pitch), 2.8, EPSILON);

  /* Apostrophes and hyphens inside a word keep it one word:
   * Don’t · re-invent · the · go-to-market · plan's · wheel = 6. */
  assert_count ("Don’t re-invent the go-to-market plan's wheel.", 0, 6);
  /* …but not at its ends: dogs · toys · foo · bar = 4. */
  assert_count ("dogs' toys -foo- 'bar'", 0, 4);
  /* Numbers are one word each: Revenue · grew · 1,234.5 · percent · in · 2026 = 6. */
  assert_count ("Revenue grew 1,234.5 percent in 2026.", 0, 6);
  /* Other alphabets count by words too, combining accents included:
   * café (e + U+0301) · naïve · Größe · продукт · منتج = 5. */
  assert_count ("cafe\xcc\x81 naïve Größe продукт منتج", 0, 5);
  /* Line breaks and tabs separate words like spaces. */
  assert_count ("one\ntwo\tthree\r\nfour", 0, 4);
}

static void
test_chinese (void)
{
  /* 产品营销经理负责上市策略 is 12 characters; “。” counts for nothing.
   * 12 × 0.24 s = 2.88 s. */
  const char *text = "产品营销经理负责上市策略。";

  assert_count (text, 12, 0);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (text), 12 * CJK_SECONDS, EPSILON);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (text), 2.88, EPSILON);

  /* Traditional characters, with full-width punctuation between them:
   * 產品、定位，訊息！ = 6 characters. */
  assert_count ("產品、定位，訊息！", 6, 0);
  /* Japanese kana and kanji, the long-vowel mark included:
   * マ ー ケ テ ィ ン グ は 大 切 で す = 12. */
  assert_count ("マーケティングは大切です", 12, 0);
  /* Korean by syllables, not by the words spaces make: 제 품 마 케 팅 = 5. */
  assert_count ("제품 마케팅", 5, 0);
}

static void
test_mixed (void)
{
  /* 我们的 (3) GTM (word) 策略 (2) works well (2 words): 5 characters and
   * 3 words, 5 × 0.24 + 3 × 0.4 = 1.2 + 1.2 = 2.4 s. */
  const char *text = "我们的 GTM 策略 works well。";

  assert_count (text, 5, 3);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (text), 2.4, EPSILON);

  /* No spaces between the scripts: 使用 · 规划 (4 characters),
   * GTM · Studio (2 words). */
  assert_count ("使用GTM Studio规划", 4, 2);
  /* Digits next to Chinese are a word: 增长 · 了 (3 characters), 30 (1 word). */
  assert_count ("增长了30%", 3, 1);
}

static void
test_empty (void)
{
  assert_count ("", 0, 0);
  assert_count (NULL, 0, 0);
  assert_count ("   \n\t ", 0, 0);
  g_assert_cmpfloat (gtm_reading_time_seconds (""), ==, 0.0);
  g_assert_cmpfloat (gtm_reading_time_seconds (NULL), ==, 0.0);
  g_assert_false (gtm_reading_time_too_long (gtm_reading_time_seconds ("")));

  /* Either count may be left out. */
  {
    guint words = 0;
    guint cjk = 0;

    gtm_reading_time_count ("two words", NULL, &words);
    g_assert_cmpuint (words, ==, 2);
    gtm_reading_time_count ("两个", &cjk, NULL);
    g_assert_cmpuint (cjk, ==, 2);
  }
}

static void
test_punctuation (void)
{
  assert_count ("... — !!! ?? “” () - ' & @ # $ % * / \\", 0, 0);
  assert_count ("，。！？、；：「」『』（）《》…", 0, 0);
  g_assert_cmpfloat (gtm_reading_time_seconds ("?!?!"), ==, 0.0);
  /* Invalid bytes count for nothing and split the words around them. */
  assert_count ("abc\xff" "def", 0, 2);
}

static void
test_emoji (void)
{
  /* Emoji, with a skin tone, a zero-width joiner or a variation selector,
   * are not said. */
  assert_count ("🚀🎉", 0, 0);
  assert_count ("👍🏽 👩‍💻 ❤️", 0, 0);
  /* Launch · day · 发布 (2 characters). */
  assert_count ("Launch🚀day 🎉发布🎉", 2, 2);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds ("🚀 Launch day 🚀"),
                                  2 * WORD_SECONDS, EPSILON);
}

static void
test_long (void)
{
  g_autofree char *words_150 = repeat ("word ", 150);
  g_autofree char *words_151 = repeat ("word ", 151);
  g_autofree char *chars_250 = repeat ("字", 250);
  g_autofree char *chars_251 = repeat ("字", 251);
  g_autofree char *words_75 = repeat ("launch ", 75);
  g_autofree char *chars_125 = repeat ("市场", 125 / 2);
  g_autofree char *mixed_60 = g_strconcat (words_75, chars_125, "市", NULL);
  g_autofree char *mixed_over = g_strconcat (mixed_60, "场", NULL);
  g_autofree char *book = repeat ("The quick brown fox jumps over the lazy dog. 敏捷的狐狸。", 1000);

  /* 150 words are 60 s, a minute exactly: not too long. One more is. */
  assert_count (words_150, 0, 150);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (words_150), 60.0, EPSILON);
  g_assert_false (gtm_reading_time_too_long (gtm_reading_time_seconds (words_150)));
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (words_151), 60.4, EPSILON);
  g_assert_true (gtm_reading_time_too_long (gtm_reading_time_seconds (words_151)));

  /* 250 characters are 60 s; 251 are 60.24 s. */
  assert_count (chars_250, 250, 0);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (chars_250), 60.0, EPSILON);
  g_assert_false (gtm_reading_time_too_long (gtm_reading_time_seconds (chars_250)));
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (chars_251), 60.24, EPSILON);
  g_assert_true (gtm_reading_time_too_long (gtm_reading_time_seconds (chars_251)));

  /* Mixed: 75 words (30 s) and 62 × 2 + 1 = 125 characters (30 s) make a
   * minute; one character more is past it. */
  assert_count (mixed_60, 125, 75);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (mixed_60), 60.0, EPSILON);
  g_assert_false (gtm_reading_time_too_long (gtm_reading_time_seconds (mixed_60)));
  g_assert_true (gtm_reading_time_too_long (gtm_reading_time_seconds (mixed_over)));

  /* A whole book: 1000 × (9 words, 5 characters), 1000 × (3.6 + 1.2) s. */
  assert_count (book, 5000, 9000);
  g_assert_cmpfloat_with_epsilon (gtm_reading_time_seconds (book), 4800.0, 1e-6);
  g_assert_true (gtm_reading_time_too_long (gtm_reading_time_seconds (book)));
}

static void
test_limit (void)
{
  g_assert_cmpfloat (GTM_READING_TIME_LIMIT, ==, 60.0);
  g_assert_false (gtm_reading_time_too_long (0.0));
  g_assert_false (gtm_reading_time_too_long (59.9));
  g_assert_false (gtm_reading_time_too_long (60.0));
  g_assert_true (gtm_reading_time_too_long (60.01));
  g_assert_true (gtm_reading_time_too_long (600.0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reading-time/english", test_english);
  g_test_add_func ("/reading-time/chinese", test_chinese);
  g_test_add_func ("/reading-time/mixed", test_mixed);
  g_test_add_func ("/reading-time/empty", test_empty);
  g_test_add_func ("/reading-time/punctuation", test_punctuation);
  g_test_add_func ("/reading-time/emoji", test_emoji);
  g_test_add_func ("/reading-time/long", test_long);
  g_test_add_func ("/reading-time/limit", test_limit);

  return g_test_run ();
}
