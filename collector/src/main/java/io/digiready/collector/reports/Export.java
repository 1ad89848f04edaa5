package io.digiready.collector.reports;

/** A file to hand over: its name (for Content-Disposition) and its bytes. */
public record Export(String filename, byte[] bytes) {}
