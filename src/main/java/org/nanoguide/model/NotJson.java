package org.nanoguide.model;

import java.nio.charset.StandardCharsets;

/**
 * Recognises input that is not JSON at all (a CSV export, an XML or HTML page, a spreadsheet), so
 * that the message says what was found rather than which token the JSON parser choked on.
 */
final class NotJson {
    private static final int SHOWN = 40;

    private NotJson() { }

    /**
     * What the input looks like, such as {@code "it starts with `id,type,depth` (CSV?)"}, or null
     * when it starts the way JSON does, so that a JSON syntax error is reported as one.
     */
    static String describe(byte[] doc) {
        int i = Utf8Bom.length(doc);
        while (i < doc.length && (doc[i] == ' ' || doc[i] == '\t' || doc[i] == '\r' || doc[i] == '\n')) i++;
        if (i >= doc.length) return null;
        byte b = doc[i];
        if (b == '{' || b == '[' || b == '"' || b == '-' || (b >= '0' && b <= '9') || b == 't' || b == 'f' || b == 'n') return null;
        int end = i;
        while (end < doc.length && doc[end] != '\n' && doc[end] != '\r') end++;
        String first = new String(doc, i, end - i, StandardCharsets.UTF_8);
        String kind;
        if (b == '<') kind = " (XML or HTML?)";
        else if ((b & 0xff) == 0x50 && doc.length > i + 1 && doc[i + 1] == 'K' || (b & 0xff) == 0xD0) kind = " (a spreadsheet or other binary file?)";
        else if (first.indexOf(',') >= 0 || first.indexOf(';') >= 0 || first.indexOf('\t') >= 0) kind = " (CSV? a .csv file is read as CSV: a header row of case paths, one case a row)";
        else kind = "";
        String shown = first.length() > SHOWN ? first.substring(0, SHOWN) + "..." : first;
        return "it starts with `" + shown.replaceAll("\\p{Cntrl}", "?") + "`" + kind;
    }
}
