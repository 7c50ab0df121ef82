import { Component, type ErrorInfo, type ReactNode } from 'react';
import { createLogger } from '../logger';

const log = createLogger('view');

interface BoundaryState {
  failure: Error | null;
}

/**
 * Catches a rendering failure inside one view so the rest of the window
 * (navigation, banner) keeps working, and offers to draw the view again.
 */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failure: null };

  static getDerivedStateFromError(failure: Error): BoundaryState {
    return { failure };
  }

  override componentDidCatch(failure: Error, info: ErrorInfo): void {
    log.error('view failed to render', failure, info.componentStack ?? '');
  }

  override render() {
    if (!this.state.failure) return this.props.children;
    return (
      <div className="view-failure" role="alert">
        <p>This view stopped working: {this.state.failure.message}</p>
        <button type="button" onClick={() => this.setState({ failure: null })}>
          Try again
        </button>
      </div>
    );
  }
}
