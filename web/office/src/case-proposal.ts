import { ElMessage } from 'element-plus';
import { reactive, ref } from 'vue';
import { api } from './api/client';
import type { components } from './api/schema';
import type { FieldErrors } from './issue-form';
import type { Answer } from './round-call';
import { caseFailure, KIND_NAMES, type CaseKind } from './revocation-cases';

type Certificate = components['schemas']['CertificateResponseDto'];

/**
 * A revocation or reinstatement proposal as one authority fills it in: the number's lookup that
 * shows whose certificate it is, and the submission that waits for the other authority.
 */
export function useCaseProposal<F extends { certificateNo: string }>(
  kind: CaseKind,
  empty: () => F,
  send: (body: F) => Promise<Answer<{ certificateNo: string }>>,
  proposed: () => void,
) {
  const form = reactive(empty()) as F;
  const certificate = ref<Certificate>();
  const errors = ref<FieldErrors>({});
  const failure = ref('');
  const busy = ref(false);

  /** The officer checks the holder (and the status) before anything is submitted. */
  async function lookUp(): Promise<void> {
    form.certificateNo = form.certificateNo.trim().toUpperCase();
    certificate.value = undefined;
    errors.value = { ...errors.value, certificateNo: undefined };
    if (!form.certificateNo) return;
    const { data, error, response } = await api.GET('/api/v1/certificates/{certificateNo}', {
      params: { path: { certificateNo: form.certificateNo } },
    });
    if (data) certificate.value = data;
    else errors.value = { ...errors.value, ...caseFailure(error, response.status).errors };
  }

  async function submit(): Promise<void> {
    busy.value = true;
    errors.value = {};
    failure.value = '';
    try {
      const { data, error, response } = await send({ ...form, certificateNo: form.certificateNo.trim().toUpperCase() });
      if (data) {
        ElMessage.success(`已发起${KIND_NAMES[kind]}证书 ${data.certificateNo}，等待另一机关确认`);
        Object.assign(form, empty());
        certificate.value = undefined;
        proposed();
        return;
      }
      ({ errors: errors.value, failure: failure.value } = caseFailure(error, response.status));
    } finally {
      busy.value = false;
    }
  }

  return { form, certificate, errors, failure, busy, lookUp, submit };
}
