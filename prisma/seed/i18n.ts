// Demo content in several languages: the roadshow in English and French, the urban data
// platforms webinar (and its session) in English and Spanish, and one German-speaking delegate
// whose emails and pages are in German. Called once from seedDemoActivity.
import type { Db, Tx } from "../../app/platform/db.server";

export async function seedI18nDemo(client: Tx | Db): Promise<void> {
  await client.event.updateMany({
    where: { slug: "scale-roadshow-investing-in-replication" },
    data: {
      translations: {
        fr: {
          title: "Roadshow SCALE : investir dans la réplication",
          summary:
            "Les villes phares et partenaires présentent aux investisseurs des projets de ville intelligente finançables — étape après étape à travers l'Europe.",
          description:
            "Le Roadshow SCALE rapproche les villes et les communautés d'investisseurs.\n\nÀ chaque étape, les villes et les projets phares présentent leurs investissements de ville intelligente les plus finançables et les plus demandés — pôles d'e-mobilité, quartiers à énergie positive, éclairage public intelligent, plateformes de données urbaines — et rencontrent des investisseurs lors de rendez-vous individuels réservés à l'avance.\n\nLes investisseurs publient leurs créneaux ; les villes et les projets les réservent, ou les organisateurs planifient les rendez-vous à partir des préférences mutuelles.",
        },
      },
    },
  });
  const webinar = await client.event.findUnique({ where: { slug: "urban-data-platforms-webinar" }, select: { id: true } });
  if (webinar) {
    await client.event.update({
      where: { id: webinar.id },
      data: {
        translations: {
          es: {
            title: "Plataformas urbanas de datos para el gobierno de la ciudad: lecciones de las ciudades faro",
            summary: "Cómo Hamburgo, Helsinki y Eindhoven gestionan plataformas abiertas de datos urbanos — y cómo pueden replicarlas las ciudades seguidoras.",
            description:
              "Un webinario de intercambio de conocimiento de la red SCALE sobre dirección integral y gobernanza urbana con plataformas de datos. Preguntas y respuestas en directo con los ponentes.",
          },
        },
      },
    });
    await client.agendaSession.updateMany({
      where: { eventId: webinar.id, title: "Urban data platforms: Hamburg, Helsinki, Eindhoven" },
      data: { translations: { es: { title: "Plataformas urbanas de datos: Hamburgo, Helsinki, Eindhoven" } } },
    });
  }
  await client.user.updateMany({ where: { name: "Lena Müller" }, data: { locale: "de" } });
}
