package dev.attend.assistant;

/** Numbers as tone-numbered pinyin for espeak-ng's {@code cmn-latn-pinyin} voice, e.g. 25 → "er4 shi2 wu3". */
final class PinyinNumbers {

    private static final String[] DIGITS = {"ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"};

    private PinyinNumbers() {
    }

    /** 0–9999 the way they are counted. */
    static String of(long n) {
        if (n < 0 || n > 9999) {
            return digits(Long.toString(n));
        }
        if (n < 10) {
            return DIGITS[(int) n];
        }
        StringBuilder b = new StringBuilder();
        int thousands = (int) (n / 1000);
        int hundreds = (int) (n / 100 % 10);
        int tens = (int) (n / 10 % 10);
        int ones = (int) (n % 10);
        if (thousands > 0) {
            b.append(DIGITS[thousands]).append(" qian1 ");
        }
        if (hundreds > 0) {
            b.append(DIGITS[hundreds]).append(" bai3 ");
        } else if (thousands > 0 && (tens > 0 || ones > 0)) {
            b.append("ling2 ");
        }
        if (tens > 0) {
            if (!(tens == 1 && n < 20)) {
                b.append(DIGITS[tens]).append(' ');
            }
            b.append("shi2 ");
        } else if (n >= 100 && ones > 0 && hundreds > 0) {
            b.append("ling2 ");
        }
        if (ones > 0) {
            b.append(DIGITS[ones]);
        }
        return b.toString().trim();
    }

    /** Digit by digit, as years are read: 2026 → "er4 ling2 er4 liu4". */
    static String digits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isDigit(c)) {
                b.append(b.length() == 0 ? "" : " ").append(DIGITS[c - '0']);
            }
        }
        return b.toString();
    }
}
