package io.digiready.protocol;

/**
 * One thing an agent checks.
 *
 * @param target a host name ({@code dns}), {@code host:port} ({@code tcp}) or a URL ({@code http})
 * @param internet true when success means "this PC reaches the internet"; false for LAN targets
 *     such as the collector itself
 */
public record ProbeTarget(ProbeKind kind, String target, Boolean internet) {}
