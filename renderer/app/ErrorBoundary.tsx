// A page that throws shows a readable error instead of a blank window; changing page resets it.
import { Result } from 'antd';
import { Component, type ReactNode } from 'react';
import i18next from 'i18next';

interface Props {
  resetKey: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
  key: string;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  static getDerivedStateFromProps(props: Props, state: State) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  render() {
    if (this.state.error)
      return <Result status="error" title={i18next.t('app:common.error')} subTitle={this.state.error.message} />;
    return this.props.children;
  }
}
