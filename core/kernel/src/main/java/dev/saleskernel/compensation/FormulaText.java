package dev.saleskernel.compensation;

/**
 * An explanation's formula being written: a growing char buffer that amounts are formatted
 * straight into (no intermediate string, no per-char checks), turned into one string at the end.
 * One per explanation, never shared between threads.
 */
final class FormulaText implements CharSequence {
    private char[] chars;
    private int length;

    FormulaText(int capacity) {
        chars = new char[Math.max(capacity, 16)];
    }

    FormulaText append(String text) {
        int n = text.length();
        ensure(n);
        text.getChars(0, n, chars, length);
        length += n;
        return this;
    }

    /** Appends {@link Rate#amount(long, int)}'s text. */
    FormulaText appendAmount(long minor, int fractionDigits) {
        int n = Rate.amountLength(minor, fractionDigits);
        ensure(n);
        length += n;
        Rate.writeAmount(chars, length, minor, fractionDigits);
        return this;
    }

    private void ensure(int more) {
        if (length + more > chars.length) {
            chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
        }
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        java.util.Objects.checkIndex(index, length);
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    /** The text written so far, as a string (Latin-1 when every char is). */
    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
