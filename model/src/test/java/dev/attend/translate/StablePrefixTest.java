package dev.attend.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StablePrefixTest {

    @Test
    void wordsBothPartialsAgreeOnAndThatAreFollowedByMore() {
        assertThat(StablePrefix.of(null, "one two")).isEmpty();
        assertThat(StablePrefix.of("one", "one two")).isEqualTo("one");
        assertThat(StablePrefix.of("one two", "one two three")).isEqualTo("one two");
        assertThat(StablePrefix.of("one tw", "one two three")).isEqualTo("one");
        assertThat(StablePrefix.of("one two", "one two")).isEqualTo("one");
        assertThat(StablePrefix.of("the cat", "a cat sat")).isEmpty();
        assertThat(StablePrefix.of("  one   two ", "one two three")).isEqualTo("one two");
    }

    @Test
    void countsWords() {
        assertThat(StablePrefix.wordCount("")).isZero();
        assertThat(StablePrefix.wordCount(" a  b ")).isEqualTo(2);
    }
}
