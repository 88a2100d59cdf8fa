package org.cartable.notebook.internal;

import java.io.Serializable;

import org.cartable.api.CartableException;

/**
 * Where a box sits: its top-left corner and size in % of the page's width and height, and its stacking order.
 *
 * @param z higher boxes cover lower ones
 */
public record Geometry(double x, double y, double width, double height, int z) implements Serializable {

    public static final int Z_MAX = 1000;
    /** A z that asks for "above every other box of the page" (a new box without a z of its own). */
    public static final int Z_TOP = -1;

    /** @return the geometry, if it keeps the box on the page; a null z puts the box on top */
    public static Geometry valid(double x, double y, double width, double height, Integer z) {
        boolean finite = Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height);
        if (!finite || x < 0 || y < 0 || width < 1 || height < 1 || x + width > 100.0001 || y + height > 100.0001) {
            throw CartableException.badRequest("A box must stay on the page: x and y from 0, width and height from 1,"
                    + " x + width and y + height at most 100 (in % of the page).");
        }
        if (z != null && (z < 0 || z > Z_MAX)) {
            throw CartableException.badRequest("z must be between 0 and " + Z_MAX + ".");
        }
        return new Geometry(round(x), round(y), round(width), round(height), z == null ? Z_TOP : z);
    }

    /** @return this geometry with that z */
    public Geometry withZ(int newZ) {
        return new Geometry(x, y, width, height, newZ);
    }

    /* Two decimals are finer than any screen; rounding keeps what the pages show and what is stored equal. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
