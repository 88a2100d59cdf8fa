package org.cartable.notebook.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.cartable.notebook.internal.Box;
import org.cartable.notebook.internal.Geometry;
import org.cartable.notebook.internal.Notebook;

/**
 * The page-specific CSS (box positions, cover colours), rendered as one {@code <style>} element that carries the
 * request's CSP nonce. Only numbers, UUIDs and validated colours go in, so no user text reaches the stylesheet.
 */
final class Styles {

    private static final Pattern SAFE_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");

    private Styles() {
    }

    static String boxId(Box box) {
        return "box-" + box.id();
    }

    static String coverClass(Notebook notebook) {
        return "nb-cover-" + notebook.id();
    }

    static void boxes(StringBuilder css, List<Box> boxes) {
        for (Box box : boxes) {
            if (!SAFE_ID.matcher(box.id()).matches()) {
                continue;
            }
            Geometry g = box.geometry();
            css.append('#').append(boxId(box)).append(String.format(Locale.ROOT,
                    "{left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%;z-index:%d}", g.x(), g.y(), g.width(),
                    g.height(), g.z()));
        }
    }

    static void covers(StringBuilder css, List<Notebook> notebooks) {
        for (Notebook notebook : notebooks) {
            if (SAFE_ID.matcher(notebook.id()).matches() && COLOR.matcher(notebook.coverColor()).matches()) {
                css.append('.').append(coverClass(notebook)).append("{background:").append(notebook.coverColor())
                        .append('}');
            }
        }
    }
}
