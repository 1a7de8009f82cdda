package org.kunnafoni.text.template;

import org.kunnafoni.text.SegmentCount;

/**
 * A text ready to send.
 *
 * @param id           the template actually used (its language differs from the one asked for after a fallback)
 * @param cost         encoding and segments of {@code text}
 * @param fallbackUsed true when the asked-for language had no approved template
 */
public record Rendered(TemplateId id, String text, SegmentCount cost, boolean fallbackUsed) {
}
