package org.kunnafoni.text.template;

/** A template cannot be rendered: none is sendable, or the caller's variables do not fit it. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
