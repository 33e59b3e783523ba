// The build's export stage: every checklist in every download format, into the bundle.
#include "common/stage.h"
#include "export/export.h"
#include "site/routes.h"

namespace trustpage {

Status add_checklist_exports(const Content& content, const ExportContext& context, Bundle& bundle) {
  StageScope stage("export");
  for (const Checklist& checklist : content.checklists) {
    if (Status s = bundle.add(checklist_download_route(checklist, "csv"), export_csv(checklist));
        !s.ok())
      return s;
    Result<std::string> xlsx = export_xlsx(checklist, context);
    if (!xlsx.ok()) return xlsx.status();
    if (Status s = bundle.add(checklist_download_route(checklist, "xlsx"), std::move(*xlsx));
        !s.ok())
      return s;
    if (Status s = bundle.add(checklist_download_route(checklist, "json"),
                              export_json(checklist, context));
        !s.ok())
      return s;
  }
  return Status::Ok();
}

}  // namespace trustpage
