package dev.attend.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApertiumStreamTest {

    @Test
    void deformatEscapesLikeDestxtAndEndsTheSegment() {
        assertThat(ApertiumStream.deformat("Hello world.")).isEqualTo("Hello world..[][\n]");
        assertThat(ApertiumStream.deformat("a [b] ^c$ @d /e <f> {g} \\h"))
                .isEqualTo("a \\[b\\] \\^c\\$ \\@d \\/e \\<f\\> \\{g\\} \\\\h.[][\n]");
        assertThat(ApertiumStream.deformat("")).isEqualTo(".[][\n]");
    }

    @Test
    void deformatTurnsBlanksIntoSuperblanksAndMarksParagraphs() {
        assertThat(ApertiumStream.deformat("a  b\tc\nd")).isEqualTo("a[  ]b[\t]c[\n]d.[][\n]");
        assertThat(ApertiumStream.deformat("a\n\nb")).isEqualTo("a.[][\n\n]b.[][\n]");
        assertThat(ApertiumStream.deformat("a ")).isEqualTo("a.[][ \n]");
    }

    @Test
    void deformatNeutralisesNulAndProtectsMarkCharacters() {
        String d = ApertiumStream.deformat("a\0b *c #d ~e");
        assertThat(d).doesNotContain("\0").isEqualTo("a b [*]c [#]d [~]e.[][\n]");
    }

    @Test
    void reformatStripsMarksButFlagsTheWords() {
        ApertiumStream.Output o = ApertiumStream.reformat("*Xyzzy es #ser @cosa y 3,5 km.[][\n]");
        assertThat(o.marked()).isEqualTo("*Xyzzy es #ser @cosa y 3,5 km");
        assertThat(o.display()).isEqualTo("Xyzzy es ser cosa y 3,5 km");
        assertThat(o.unknown()).containsExactly(
                new Translation.UnknownWord("Xyzzy", 0, 5, Translation.Kind.NOT_IN_DICTIONARY),
                new Translation.UnknownWord("ser", 9, 12, Translation.Kind.NOT_GENERATED),
                new Translation.UnknownWord("cosa", 13, 17, Translation.Kind.NO_TRANSLATION));
    }

    @Test
    void reformatKeepsLiteralCharactersThatLookLikeMarks() {
        ApertiumStream.Output o = ApertiumStream.reformat("[*]*b \\@c [#]d [~]e x\\/y[\n]z.[][\n]");
        assertThat(o.display()).isEqualTo("*b @c #d ~e x/y\nz");
        assertThat(o.marked()).isEqualTo("**b @c #d ~e x/y\nz");
        assertThat(o.unknown()).extracting(Translation.UnknownWord::word).containsExactly("b");
        assertThat(o.unknown().get(0).start()).isEqualTo(1);
    }

    @Test
    void reformatOfDeformatIsIdentityForTextApertiumLeavesAlone() {
        String text = "3.14 — John's e-mail: a@b.com (50%) [ok] {x} <y> ^z$ * # ~ \\ /\n\nnext";
        assertThat(ApertiumStream.reformat(ApertiumStream.deformat(text)).display()).isEqualTo(text);
    }
}
