package org.cartable.fleet.internal;

import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as SVG (ZXing computes the matrix; one path draws it, crisp at any print size). */
public final class QrSvg {

    private QrSvg() {
    }

    /** @return a standalone SVG element of the QR code, {@code size} CSS pixels wide, with a 4-module quiet zone */
    public static String svg(String content, int size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as QR code: " + content, e);
        }
        int n = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < n; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" width=\"" + size + "\" height=\""
                + size + "\" viewBox=\"0 0 " + n + " " + matrix.getHeight() + "\" shape-rendering=\"crispEdges\">"
                + "<title>" + Svg.escape(content) + "</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
