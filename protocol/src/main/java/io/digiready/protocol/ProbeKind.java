package io.digiready.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a target is checked. There is no ICMP: it needs privileges an office PC's agent lacks. */
public enum ProbeKind {
  /** Resolve a host name. */
  @JsonProperty("dns")
  DNS,
  /** Open a TCP connection to {@code host:port}. */
  @JsonProperty("tcp")
  TCP,
  /** GET a URL; any 2xx or 3xx answer is a success. */
  @JsonProperty("http")
  HTTP
}
