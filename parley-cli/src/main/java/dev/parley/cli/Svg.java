package dev.parley.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;

/** An XChart chart as inline SVG, for the pages that draw without a script (the forecast's, the tournament's, the monitoring dashboard). */
final class Svg {
    private Svg() {
    }

    static String of(XYChart chart) throws IOException {
        var bytes = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String svg = bytes.toString(StandardCharsets.UTF_8);
        int start = svg.indexOf("<svg");
        return start >= 0 ? svg.substring(start) : svg;
    }
}
