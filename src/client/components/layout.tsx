// SPDX-License-Identifier: EUPL-1.2
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "../router.tsx";
import { Footer } from "./footer.tsx";
import { Header } from "./header.tsx";

/** Skip link, header, main landmark and footer around every page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After a page change move focus to the new page's h1, as a full page load would put the reader
  // at the top; the first render keeps the browser's own focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not a value used.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.getElementById("page-title")?.focus();
  }, [pathname]);

  return (
    <>
      <div className="skiplink">
        <a className="visually-hidden-focusable" href="#main">
          {t("app.skipToContent")}
        </a>
      </div>
      <Header />
      <main id="main" tabIndex={-1} className="container my-4 my-lg-5">
        {children}
      </main>
      <Footer />
    </>
  );
}
