package org.cartable.notebook.internal;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cartable.api.CartableException;

/**
 * A video of a known site, kept as provider and video id (never the HTML the site offers), shown through the site's
 * privacy-friendly player.
 */
public record Embed(Provider provider, String videoId) implements Serializable {

    /** The sites whose videos can be embedded; the shell's Content Security Policy allows their players. */
    public enum Provider {
        YOUTUBE("[A-Za-z0-9_-]{11}", "https://www.youtube-nocookie.com/embed/%s", "https://www.youtube.com/watch?v=%s"),
        VIMEO("[0-9]{1,12}", "https://player.vimeo.com/video/%s?dnt=1", "https://vimeo.com/%s"),
        DAILYMOTION("[A-Za-z0-9]{5,12}", "https://www.dailymotion.com/embed/video/%s",
                "https://www.dailymotion.com/video/%s");

        private final Pattern id;
        private final String player;
        private final String page;

        Provider(String id, String player, String page) {
            this.id = Pattern.compile(id);
            this.player = player;
            this.page = page;
        }
    }

    private static final Pattern YOUTUBE_PATH = Pattern.compile("/(?:embed|shorts|live|v)/([^/?#]+)");
    private static final Pattern VIMEO_PATH = Pattern.compile("/(?:video/)?([0-9]+)(?:[/?#].*)?");
    private static final Pattern DAILYMOTION_PATH = Pattern.compile("/(?:embed/)?video/([A-Za-z0-9]+)(?:[_/?#].*)?");

    public Embed {
        if (provider == null || videoId == null || !provider.id.matcher(videoId).matches()) {
            throw CartableException.badRequest("Unknown video.");
        }
    }

    /** @return the address of the site's player for this video, for an iframe */
    public String playerUrl() {
        return String.format(provider.player, videoId);
    }

    /** @return the address of the video's page on its site, for a link */
    public String pageUrl() {
        return String.format(provider.page, videoId);
    }

    /**
     * @param url a video's address as copied from YouTube, Vimeo or Dailymotion (page, short link or player)
     * @throws CartableException BAD_REQUEST for any other address
     */
    public static Embed parse(String url) {
        return tryParse(url).orElseThrow(() -> CartableException.badRequest(
                "Give the address of a YouTube, Vimeo or Dailymotion video (e.g. https://www.youtube.com/watch?v=...)."));
    }

    static Optional<Embed> tryParse(String url) {
        if (url == null || url.isBlank() || url.length() > 500) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.empty();
        }
        host = host.startsWith("www.") ? host.substring(4) : host.startsWith("m.") ? host.substring(2) : host;
        String id = switch (host) {
            case "youtube.com", "youtube-nocookie.com" -> path.equals("/watch")
                    ? queryParameter(uri, "v") : group(YOUTUBE_PATH, path);
            case "youtu.be" -> path.length() > 1 ? path.substring(1) : null;
            case "vimeo.com", "player.vimeo.com" -> group(VIMEO_PATH, path);
            case "dailymotion.com" -> group(DAILYMOTION_PATH, path);
            case "dai.ly" -> path.length() > 1 ? path.substring(1) : null;
            default -> null;
        };
        Provider provider = switch (host) {
            case "youtube.com", "youtube-nocookie.com", "youtu.be" -> Provider.YOUTUBE;
            case "vimeo.com", "player.vimeo.com" -> Provider.VIMEO;
            case "dailymotion.com", "dai.ly" -> Provider.DAILYMOTION;
            default -> null;
        };
        if (provider == null || id == null || !provider.id.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Embed(provider, id));
    }

    private static String group(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2 && nameValue[0].equals(name)) {
                return nameValue[1];
            }
        }
        return null;
    }
}
