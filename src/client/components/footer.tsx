// SPDX-License-Identifier: EUPL-1.2
import { useTranslation } from "react-i18next";
import { PUBLISHED_CRITERIA_PATH } from "../allocation/published-criteria-page.tsx";
import { Link } from "../router.tsx";

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="it-footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row py-4">
            <div className="col-12 col-lg-8">
              <p className="footer-title h4 text-white mb-2">{t("app.name")}</p>
              <p className="mb-0">{t("footer.about")}</p>
            </div>
            <div className="col-12 col-lg-4 mt-3 mt-lg-0">
              <ul className="list-unstyled mb-0">
                <li>
                  <a href="/api/docs" className="text-white">
                    {t("footer.apiDocs")}
                  </a>
                </li>
                <li className="mt-1">
                  <Link to="/dati-aperti" className="text-white">
                    {t("footer.openData")}
                  </Link>
                </li>
                <li className="mt-1">
                  <Link to={PUBLISHED_CRITERIA_PATH} className="text-white">
                    {t("criteria.link")}
                  </Link>
                </li>
                <li className="mt-1">{t("footer.licence")}</li>
              </ul>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
