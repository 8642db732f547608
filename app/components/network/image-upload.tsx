// The upload form of a photo or a logo: the current image, a file field with its limits, and a
// button to remove it. Posts multipart to its own route (which has the larger upload cap).
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormError, TextField } from "~/components/ui/forms";
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from "~/domain/network/image-rules";
import { Avatar } from "./cards";

export interface UploadResult {
  ok: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
}

export function ImageUploadForm({
  label,
  field,
  name,
  imageId,
  result,
  shape,
}: {
  label: string;
  field: string;
  name: string;
  imageId: string | null;
  result: UploadResult | undefined;
  shape: "round" | "square";
}) {
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <div className="stack">
      {result?.ok && result.message ? (
        <div className="notice notice--success" role="status">
          {result.message}
        </div>
      ) : null}
      <FormError message={result && !result.ok && !result.fieldErrors?.[field] ? result.formError : undefined} />
      <div className="image-upload">
        <Avatar name={name} imageId={imageId} size="l" shape={shape} />
        <Form method="post" encType="multipart/form-data" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="upload" />
          <TextField
            label={label}
            name={field}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            required
            error={result && !result.ok ? result.fieldErrors?.[field] : undefined}
            hint={t("network.upload.hint", { mb: MAX_IMAGE_BYTES / 1024 / 1024, megapixels: MAX_IMAGE_PIXELS / 1_000_000 })}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {t("network.upload.upload")}
            </button>
          </div>
        </Form>
      </div>
      {imageId ? (
        <Form method="post" encType="multipart/form-data">
          <CsrfField />
          <button type="submit" name="intent" value="remove" className="button button--ghost" disabled={busy}>
            {t("network.upload.remove")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
