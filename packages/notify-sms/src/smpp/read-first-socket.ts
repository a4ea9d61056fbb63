import { Socket } from 'node:net';

type WriteCallback = (error?: Error | null) => void;

/**
 * A TCP socket that keeps reading after a write failed.
 *
 * When the peer resets the connection (TCP RST), what it sent before the reset is still in the
 * kernel's receive queue and can be read; but a plain `net.Socket` destroys itself as soon as a
 * write fails (`write ECONNRESET`), which closes the descriptor and throws that data away. Over
 * SMPP that data is submit_sm_resp PDUs: parts the SMSC took, which would be sent again on the
 * next connection under a second message id.
 *
 * This socket records the first failed write ({@link ReadFirstSocket.writeError}, event
 * `write-failed`) instead, and stays open: the caller stops writing, the pending data is read
 * (`readable` as usual), and the socket ends the normal way when the read side reaches the reset
 * or the end of the stream. The caller destroys it if that does not come.
 */
export class ReadFirstSocket extends Socket {
  /** The first write error, once a write failed. Nothing written after it reaches the peer. */
  writeError: Error | undefined;

  override _write(chunk: unknown, encoding: BufferEncoding, callback: WriteCallback): void {
    super._write(chunk, encoding, (error) => this.settle(error, callback));
  }

  override _writev(chunks: { chunk: unknown; encoding: BufferEncoding }[], callback: WriteCallback): void {
    super._writev!(chunks, (error) => this.settle(error, callback));
  }

  private settle(error: Error | null | undefined, callback: WriteCallback): void {
    if (error && !this.destroyed) {
      if (!this.writeError) {
        this.writeError = error;
        this.emit('write-failed', error);
      }
      callback();
      return;
    }
    callback(error);
  }
}
