// SPDX-License-Identifier: EUPL-1.2
import { Component, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

function Crashed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-danger" role="alert">
      <p>{t("errors.generic")}</p>
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={onRetry}>
        {t("common.retry")}
      </button>
    </div>
  );
}

type Props = { children: ReactNode; resetKey: string };
type State = { failed: boolean; resetKey: string };

/** A page that throws while rendering shows a message instead of a blank screen; changing page resets it. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override render() {
    if (this.state.failed) return <Crashed onRetry={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}
