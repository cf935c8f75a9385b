import type { BundledLanguage } from '../../src/domain/languages.ts';

/** A typical incident title in each bundled language, using its letters beyond ASCII. */
export const sampleTitles: Record<BundledLanguage, string> = {
  en: 'Elevated error rates on checkout — “payments” delayed',
  de: 'Störung beim Zahlungsdienst: Überweisungen verzögert, Größe ß',
  fr: 'Panne du paiement : délais élevés, « œuvre » à Besançon',
  es: 'Caída del servicio de pagos: ¿retrasos en España? ¡Sí!',
  it: 'Disservizio dei pagamenti: ritardi più lunghi, già risolto',
  nl: 'Storing bij betalingen: vertraging in ’s-Hertogenbosch, ĳs',
  'pt-BR': 'Instabilidade no pagamento: transações não concluídas em São Paulo',
  pl: 'Błąd płatności: źle działające łącza w Łodzi, żółć',
  sv: 'Störning i betalningar: fördröjningar i Göteborg och Malmö, Å',
  ja: '決済APIで障害が発生しています（東京リージョン）',
  ko: '결제 API 장애가 발생했습니다',
  'zh-Hans': '支付接口出现故障，直接影响结账',
  tr: 'Ödeme hizmetinde kesinti: İstanbul bölgesi, ağ geçidi yavaş',
  ar: 'عطل في خدمة الدفع منذ ساعة',
  'en-XA': '[Éļéṽåţéð éŕŕöŕ ŕåţéš öñ çĥéçķöûţ ··· ··]',
};

/** Scripts Noto Sans also carries, for author text beyond the bundled languages. */
export const otherScriptTitles = [
  'Διακοπή υπηρεσίας πληρωμών στην Αθήνα',
  'Сбой платёжного сервиса в Москве',
  'Sự cố thanh toán tại Hà Nội: đang khắc phục',
];
