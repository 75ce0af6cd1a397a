package dev.kreis.platform.api;

import java.util.List;

/** 410: the resource existed but is used up or expired for good (e.g. an answered survey link). */
public class GoneProblem extends ApiException {

    public GoneProblem(String detail) {
        super(410, "gone", "Gone", detail, List.of());
    }
}
