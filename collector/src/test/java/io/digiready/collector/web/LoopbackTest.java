package io.digiready.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackTest {
  @Test
  void only_a_loopback_peer_that_no_proxy_forwarded_is_local() {
    for (String loopback :
        new String[] {"127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]"}) {
      assertThat(Auth.local(loopback, false)).as(loopback).isTrue();
      assertThat(Auth.local(loopback, true)).as(loopback + " forwarded").isFalse();
    }
    for (String remote :
        new String[] {"10.1.2.3", "192.168.1.20", "203.0.113.7", "fe80::1", "0.0.0.0", "::"}) {
      assertThat(Auth.local(remote, false)).as(remote).isFalse();
    }
    // Never a name: no lookup, not local.
    assertThat(Auth.local("localhost", false)).isFalse();
    assertThat(Auth.local(null, false)).isFalse();
  }
}
