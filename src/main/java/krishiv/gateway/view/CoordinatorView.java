package krishiv.gateway.view;

import krishiv.gateway.bus.message.CoordinatorStatus;

/** The last coordinator status heard and when the gateway heard it. */
public record CoordinatorView(CoordinatorStatus status, long lastSeenMs) {}
