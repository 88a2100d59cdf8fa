package org.cartable.notebook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cartable.api.CartableException;
import org.junit.jupiter.api.Test;

/** Only videos of the known sites, kept as provider and id, played through their privacy-friendly players. */
class EmbedTest {

    @Test
    void knownAddressesGiveProviderAndId() {
        assertEquals(new Embed(Embed.Provider.YOUTUBE, "dQw4w9WgXcQ"),
                Embed.parse("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"));
        assertEquals(new Embed(Embed.Provider.YOUTUBE, "dQw4w9WgXcQ"), Embed.parse("https://youtu.be/dQw4w9WgXcQ"));
        assertEquals(new Embed(Embed.Provider.YOUTUBE, "dQw4w9WgXcQ"),
                Embed.parse("https://m.youtube.com/shorts/dQw4w9WgXcQ"));
        assertEquals(new Embed(Embed.Provider.VIMEO, "76979871"), Embed.parse("https://vimeo.com/76979871"));
        assertEquals(new Embed(Embed.Provider.VIMEO, "76979871"),
                Embed.parse("https://player.vimeo.com/video/76979871?h=abc"));
        assertEquals(new Embed(Embed.Provider.DAILYMOTION, "x8abcd1"),
                Embed.parse("https://www.dailymotion.com/video/x8abcd1"));
        assertEquals(new Embed(Embed.Provider.DAILYMOTION, "x8abcd1"), Embed.parse("https://dai.ly/x8abcd1"));
    }

    @Test
    void playersArePrivacyFriendly() {
        assertEquals("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
                new Embed(Embed.Provider.YOUTUBE, "dQw4w9WgXcQ").playerUrl());
        assertEquals("https://player.vimeo.com/video/76979871?dnt=1",
                new Embed(Embed.Provider.VIMEO, "76979871").playerUrl());
        assertEquals("https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                new Embed(Embed.Provider.YOUTUBE, "dQw4w9WgXcQ").pageUrl());
    }

    @Test
    void anythingElseIsRefused() {
        for (String url : new String[] {null, "", "javascript:alert(1)", "https://evil.example/watch?v=dQw4w9WgXcQ",
                "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=short",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>", "ftp://vimeo.com/1",
                "https://vimeo.com/abc", "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>"}) {
            assertThrows(CartableException.class, () -> Embed.parse(url), String.valueOf(url));
        }
    }
}
