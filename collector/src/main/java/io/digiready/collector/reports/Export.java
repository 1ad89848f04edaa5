package io.digiready.collector.reports;

import io.digiready.collector.sheet.FileFormat;

/** A file to hand over: its name (for Content-Disposition), its format and its bytes. */
public record Export(String filename, FileFormat format, byte[] bytes) {}
