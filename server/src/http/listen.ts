/**
 * How many connections the kernel may hold, handshake done, until the server accepts them. When the
 * venue's Wi-Fi comes back, every device reconnects in the same second; with Node's default (511)
 * the kernel turns the rest away while the server is busy accepting, and each of those devices
 * tries again only after a second or more (longer with every retry), so a server sharing its
 * machine with other work took several seconds to see everyone. Linux caps the figure at
 * net.core.somaxconn (4096 on current kernels).
 */
export const LISTEN_BACKLOG = 4096;
