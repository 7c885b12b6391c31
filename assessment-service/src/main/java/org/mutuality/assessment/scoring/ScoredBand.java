package org.mutuality.assessment.scoring;

/**
 * The band a total fell in, as a person sees it: its code, label and plain-language description.
 */
public record ScoredBand(String code, String label, String description) {
}
