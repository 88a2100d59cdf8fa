package org.cartable.notebook.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A notebook as a ZIP that works offline, opened from the file system: {@code index.html} with every page in order,
 * {@code style.css}, and the files under {@code media/}, referenced relatively. Videos from other sites become links.
 * Text boxes hold HTML sanitised when it was stored; everything else is escaped here.
 */
public final class NotebookExport {

    /** What an export holds: the notebook as its reader sees it, and the paths of its files by media id. */
    public record Content(NotebookDetail detail, String className, Map<String, Path> files) {
    }

    private static final String CSS = """
            body { margin: 0; background: #fffdf8; color: #1f2933;
              font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; }
            header.cover { padding: 2rem 1rem; color: #fff; }
            header.cover h1 { margin: 0; font-size: 2rem; }
            header.cover img { max-width: 12rem; max-height: 12rem; display: block; margin-top: 1rem; }
            main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
            section.page { margin: 0 0 2rem; }
            .sheet { position: relative; aspect-ratio: 4 / 3; background: #fff; border: 1px solid #e3ddd0;
              border-radius: 12px; overflow: hidden; }
            .box { position: absolute; overflow: auto; padding: 0.25rem; }
            .box img, .box video { width: 100%; height: 100%; object-fit: contain; }
            .box audio { width: 100%; }
            .caption { font-size: 0.875rem; color: #5f6b7a; margin: 0; }
            @media (max-width: 40rem) {
              .sheet { aspect-ratio: auto; padding: 0.5rem; }
              .box { position: static; width: auto !important; height: auto !important; margin-bottom: 0.5rem; }
            }
            """;

    private NotebookExport() {
    }

    /** @return a file name for the ZIP, from the notebook's title, safe in a header and on any disk */
    public static String fileName(Notebook notebook) {
        String ascii = Normalizer.normalize(notebook.title(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "cahier" : slug.length() > 60 ? slug.substring(0, 60) : slug) + ".zip";
    }

    /** Writes the ZIP; the stream is finished but not closed. */
    public static void write(Content content, OutputStream target) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("index.html"));
        zip.write(html(content).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("style.css"));
        zip.write(CSS.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (MediaInfo media : content.detail().media()) {
            Path file = content.files().get(media.id());
            if (file != null) {
                zip.putNextEntry(new ZipEntry(mediaPath(media)));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        zip.finish();
    }

    static String mediaPath(MediaInfo media) {
        return "media/" + media.id() + media.extension();
    }

    private static String html(Content content) {
        NotebookDetail detail = content.detail();
        Notebook notebook = detail.notebook();
        Map<String, MediaInfo> media = new java.util.HashMap<>();
        detail.media().forEach(m -> media.put(m.id(), m));
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(notebook.title())).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n")
                .append("<header class=\"cover\" style=\"background:").append(notebook.coverColor()).append("\">\n")
                .append("<h1>").append(escape(notebook.title())).append("</h1>\n<p>")
                .append(escape(notebook.ownerName()));
        if (!content.className().isEmpty()) {
            html.append(" · ").append(escape(content.className()));
        }
        html.append("</p>\n");
        MediaInfo cover = notebook.coverMediaId() == null ? null : media.get(notebook.coverMediaId());
        if (cover != null) {
            html.append("<img src=\"").append(mediaPath(cover)).append("\" alt=\"\">\n");
        }
        html.append("</header>\n<main>\n");
        for (Page page : detail.pages()) {
            html.append("<section class=\"page\" id=\"page-").append(page.position() + 1).append("\">\n<h2>")
                    .append(page.title() == null ? "Page " + (page.position() + 1) : escape(page.title()))
                    .append("</h2>\n<div class=\"sheet\">\n");
            for (Box box : page.boxes()) {
                Geometry g = box.geometry();
                html.append("<div class=\"box box-").append(box.kind().name().toLowerCase(Locale.ROOT))
                        .append("\" style=\"left:").append(g.x()).append("%;top:").append(g.y())
                        .append("%;width:").append(g.width()).append("%;height:").append(g.height())
                        .append("%;z-index:").append(g.z()).append("\">");
                html.append(boxContent(box));
                html.append("</div>\n");
            }
            html.append("</div>\n</section>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String boxContent(Box box) {
        String caption = box.kind() == BoxKind.TEXT || box.content() == null ? ""
                : "<p class=\"caption\">" + escape(box.content()) + "</p>";
        return switch (box.kind()) {
            case TEXT -> box.content();
            case IMAGE -> box.media() == null ? caption : "<img src=\"" + mediaPath(box.media()) + "\" alt=\""
                    + escape(box.content() == null ? "" : box.content()) + "\">" + caption;
            case AUDIO -> box.media() == null ? caption : "<audio controls src=\"" + mediaPath(box.media())
                    + "\"></audio>" + caption;
            case VIDEO -> box.media() == null ? caption : "<video controls src=\"" + mediaPath(box.media())
                    + "\"></video>" + caption;
            case EMBED -> "<a href=\"" + escape(box.embed().pageUrl()) + "\">" + escape(box.embed().pageUrl())
                    + "</a>" + caption;
        };
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
