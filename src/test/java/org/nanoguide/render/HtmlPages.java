package org.nanoguide.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on a page as a browser would parse it: one document, every element closed in order, every link target present. */
public final class HtmlPages {
    private static final Set<String> VOID = Set.of("meta", "br", "img", "input", "link", "hr", "col", "source", "wbr", "area", "base");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/?)>");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Pattern HREF = Pattern.compile("\\shref=\"#([^\"]+)\"");

    private HtmlPages() { }

    /** Null when the page is one well-formed document; else what is wrong. */
    public static String problem(String html) {
        if (!html.startsWith("<!DOCTYPE html>")) return "no doctype at the start";
        String body = html.replaceAll("(?s)<style>.*?</style>", "<style></style>").replaceAll("(?s)<!--.*?-->", "");
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(body);
        int htmlElements = 0;
        while (m.find()) {
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (m.group(1).isEmpty()) {
                if (name.equals("html")) htmlElements++;
                if (!VOID.contains(name) && m.group(4).isEmpty()) open.push(name);
            } else {
                if (open.isEmpty() || !open.peek().equals(name)) return "</" + name + "> closes <" + open.peek() + "> at " + m.start();
                open.pop();
            }
        }
        if (!open.isEmpty()) return "not closed: " + open;
        if (htmlElements != 1) return htmlElements + " html elements";
        Set<String> ids = new HashSet<>();
        Matcher i = ID.matcher(body);
        while (i.find()) if (!ids.add(i.group(1))) return "duplicate id " + i.group(1);
        Matcher h = HREF.matcher(body);
        while (h.find()) if (!ids.contains(h.group(1))) return "link to a missing target #" + h.group(1);
        return null;
    }

    public static int count(String html, String s) {
        int n = 0;
        for (int at = html.indexOf(s); at >= 0; at = html.indexOf(s, at + s.length())) n++;
        return n;
    }
}
